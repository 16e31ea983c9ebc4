import { Anchor, Badge, Button, Chip, Group, Highlight, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SearchIcon } from '../app/icons';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { groupByType, hitPath, queryWords, searchable, useSearch, type Hit } from './queries';

const LIMIT = 50;

export function HitTitle({ hit, words }: { hit: Hit; words: string[] }) {
  const title = hit.title?.trim() || 'Untitled';
  const path = hitPath(hit);
  const text = (
    <Highlight component="span" highlight={words} fw={600} inherit>
      {title}
    </Highlight>
  );
  return path ? (
    <Anchor component={Link} to={path} fw={600}>
      {text}
    </Anchor>
  ) : (
    <Text fw={600}>{text}</Text>
  );
}

/** Every record matching the words, grouped by type with how many of each; typos are forgiven. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type');
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const all = useSearch(q, { limit: LIMIT });
  const narrowed = useSearch(q, { type, limit: LIMIT });
  const result = type ? narrowed : all;
  const words = queryWords(q);
  const groups = groupByType(result.data ?? []);
  const counts = groupByType(all.data ?? []);
  const full = (all.data?.length ?? 0) >= LIMIT;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    if (type) next.set('type', type);
    setParams(next);
  }

  function choose(value: string) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === 'all') next.delete('type');
      else next.set('type', value);
      return next;
    });
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {q ? `Search: ${q}` : 'Search'}
      </Title>
      <form role="search" aria-label="Search records" onSubmit={submit}>
        <Group gap="xs" wrap="nowrap" maw={560}>
          <TextInput
            flex={1}
            aria-label="Search for"
            placeholder="Names, companies, emails, phone numbers"
            leftSection={<SearchIcon />}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            type="search"
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>

      {!q.trim() ? (
        <EmptyState title="What are you looking for?">Type a name, a company, an email or a phone number.</EmptyState>
      ) : !searchable(q) ? (
        <EmptyState title="Add a letter">Search needs a word of at least two letters.</EmptyState>
      ) : (
        <>
          {counts.length > 0 && (
            <Chip.Group multiple={false} value={type ?? 'all'} onChange={(v) => choose(v as string)}>
              <Group gap="xs" aria-label="Record types">
                <Chip value="all" variant="light">
                  All {all.data?.length ?? 0}
                  {full ? '+' : ''}
                </Chip>
                {counts.map((g) => (
                  <Chip key={g.type} value={g.type} variant="light">
                    {g.plural} {g.hits.length}
                    {full ? '+' : ''}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
          {result.isPending ? (
            <LoadingRows label="Searching" />
          ) : result.isError ? (
            <ErrorState error={result.error} onRetry={() => void result.refetch()} title="Search failed" />
          ) : groups.length === 0 ? (
            <EmptyState title={`Nothing found for “${q}”`}>
              Check the spelling of rarer words, or use fewer words: every word has to match.
            </EmptyState>
          ) : (
            <Stack gap="lg" aria-busy={result.isFetching}>
              {groups.map((group) => (
                <Stack key={group.type} component="section" gap="xs" aria-labelledby={`results-${group.type}`}>
                  <Group gap="xs">
                    <Title order={2} size="h4" id={`results-${group.type}`}>
                      {group.plural}
                    </Title>
                    <Badge variant="light" aria-label={`${group.hits.length} ${group.plural.toLowerCase()}`}>
                      {group.hits.length}
                    </Badge>
                  </Group>
                  <Paper withBorder radius="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                    {group.hits.map((hit, i) => (
                      <li
                        key={hit.id}
                        style={{
                          padding: 'var(--mantine-spacing-sm) var(--mantine-spacing-md)',
                          borderTop: i > 0 ? '1px solid var(--mantine-color-default-border)' : undefined,
                        }}
                      >
                        <HitTitle hit={hit} words={words} />
                        {hit.subtitle && (
                          <Highlight size="sm" c="dimmed" highlight={words}>
                            {hit.subtitle}
                          </Highlight>
                        )}
                      </li>
                    ))}
                  </Paper>
                </Stack>
              ))}
              {(result.data?.length ?? 0) >= LIMIT && (
                <Text size="sm" c="dimmed">
                  Showing the best {LIMIT}. Add a word{type ? '' : ' or pick a type'} to narrow the search.
                </Text>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
