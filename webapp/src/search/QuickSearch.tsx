import { Combobox, Group, Highlight, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { SearchIcon } from '../app/icons';
import { groupByType, hitPath, queryWords, searchable, useSearch } from './queries';

const QUICK_LIMIT = 8;
const DEBOUNCE_MS = 250;
const ALL = '__all__';

/**
 * The header's search box: quick results as you type (debounced), ↑ ↓ to pick one and Enter to open it, Esc to
 * close; Enter with none picked opens the full results page.
 */
export function QuickSearch({ inputRef, shortcut }: { inputRef: Ref<HTMLInputElement>; shortcut: ReactNode }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const search = useSearch(debounced, { limit: QUICK_LIMIT });
  const ready = searchable(debounced) && debounced === query.trim();
  const hits = ready ? (search.data ?? []) : [];
  const groups = groupByType(hits);
  const words = queryWords(debounced);

  function showAll() {
    const q = query.trim();
    if (!q) return;
    combobox.closeDropdown();
    navigate(`/search?q=${encodeURIComponent(q)}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    showAll();
  }

  function open(value: string) {
    if (value === ALL) {
      showAll();
      return;
    }
    combobox.closeDropdown();
    setQuery('');
    navigate(value);
  }

  const opened = searchable(query) && (search.isFetching || search.isError || ready);

  return (
    <form role="search" onSubmit={submit} style={{ flex: 1, maxWidth: 420 }}>
      <Combobox
        store={combobox}
        onOptionSubmit={open}
        withinPortal={false}
        position="bottom-start"
        // The header is fixed, so the box never scrolls away from its results.
        hideDetached={false}
      >
        <Combobox.Target withExpandedAttribute>
          <TextInput
            ref={inputRef}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            placeholder="Search leads, contacts, accounts, deals"
            aria-label="Search"
            leftSection={<SearchIcon />}
            rightSection={search.isFetching && searchable(query) ? <Loader size={14} /> : <Kbd size="xs" visibleFrom="sm">{shortcut}</Kbd>}
            rightSectionWidth={64}
            type="search"
          />
        </Combobox.Target>

        <Combobox.Dropdown hidden={!opened} aria-label="Quick results">
          <Combobox.Options>
            {!ready || (search.isPending && search.isFetching) ? (
              <Combobox.Empty>Searching…</Combobox.Empty>
            ) : search.isError ? (
              <Combobox.Empty>Search failed; press Enter to try the full search.</Combobox.Empty>
            ) : hits.length === 0 ? (
              <Combobox.Empty>Nothing found for “{debounced}”</Combobox.Empty>
            ) : (
              groups.map((group) => (
                <Combobox.Group key={group.type} label={`${group.plural} (${group.hits.length})`}>
                  {group.hits.map((hit) => {
                    const path = hitPath(hit);
                    return path ? (
                      <Combobox.Option key={hit.id} value={path} aria-label={`${group.label}: ${hit.title ?? ''}`}>
                        <Highlight size="sm" fw={600} highlight={words} lineClamp={1}>
                          {hit.title?.trim() || 'Untitled'}
                        </Highlight>
                        {hit.subtitle && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {hit.subtitle}
                          </Text>
                        )}
                      </Combobox.Option>
                    ) : null;
                  })}
                </Combobox.Group>
              ))
            )}
            {ready && (
              <Combobox.Option value={ALL} aria-label={`All results for ${debounced}`}>
                <Group gap={6}>
                  <Text size="sm" c="brand">
                    All results for “{debounced}”
                  </Text>
                  <Kbd size="xs">Enter</Kbd>
                </Group>
              </Combobox.Option>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </form>
  );
}
