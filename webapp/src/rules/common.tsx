import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Combobox,
  Group,
  List,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ApiError, describeError } from '../api/problem';
import { useSearch, searchable } from '../search/queries';
import type { Condition, RuleProblem } from './queries';

export const LEAD_FIELDS: NonNullable<Condition['field']>[] = [
  'EMAIL', 'EMAIL_DOMAIN', 'TITLE', 'JOB_LEVEL', 'COMPANY', 'COMPANY_SIZE', 'INDUSTRY', 'COUNTRY', 'REGION',
  'POSTAL_CODE', 'LANGUAGE', 'SOURCE', 'STATUS', 'PRODUCT_INTEREST', 'WEBSITE', 'PHONE_PRESENT', 'ACCOUNT_KNOWN',
  'ACCOUNT_SIZE', 'ACCOUNT_INDUSTRY', 'ACCOUNT_TAGS', 'ACCOUNT_CUSTOMER', 'CONTACT_KNOWN', 'CONTACT_ROLE',
  'CONTACT_STATUS',
];

export const OPERATORS: NonNullable<Condition['operator']>[] = [
  'EQUALS', 'NOT_EQUALS', 'IN', 'NOT_IN', 'CONTAINS_ANY', 'STARTS_WITH_ANY', 'ENDS_WITH_ANY', 'BETWEEN', 'PRESENT',
  'ABSENT', 'IS_TRUE', 'IS_FALSE',
];

/** "EMAIL_DOMAIN" reads as "Email domain". */
export function label(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The problems of a 422 `rule-set-invalid` answer, or none for any other error. */
export function problemsOf(error: unknown): RuleProblem[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const problems = (error.problem as { problems?: RuleProblem[] }).problems;
  return Array.isArray(problems) ? problems : null;
}

/** A rule's own problems, shown on its row. */
export function RuleProblems({ rule, problems }: { rule: string; problems: RuleProblem[] }) {
  const mine = problems.filter((p) => p.rule === rule);
  if (mine.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={`Problems in “${rule || 'unnamed rule'}”`} p="xs">
      <List size="sm">
        {mine.map((p, i) => (
          <List.Item key={i}>
            {p.line ? `Line ${p.line}: ` : ''}
            {p.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** What went wrong with a check or a save: the rule set's problems that belong to no row, or the error. */
export function RuleSetError({ error, ruleNames }: { error: unknown; ruleNames: string[] }) {
  if (!error) return null;
  const problems = problemsOf(error);
  if (problems) {
    const unplaced = problems.filter((p) => !p.rule || !ruleNames.includes(p.rule));
    return (
      <Alert color="red" role="alert" title="The rules do not compile">
        <Text size="sm">
          {problems.length} problem{problems.length === 1 ? '' : 's'}; each is shown on its rule.
        </Text>
        {unplaced.map((p, i) => (
          <Text size="sm" key={i}>
            {p.rule ? `${p.rule}: ` : ''}
            {p.message}
          </Text>
        ))}
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 412) {
    return (
      <Alert color="yellow" role="alert" title="Someone else changed this draft">
        Your changes are not saved: the draft changed since you opened it, and saving would overwrite that. Reload it to
        see the other changes, then make yours again.
      </Alert>
    );
  }
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
  return (
    <Alert color="red" role="alert" title="That did not work">
      <Text size="sm">{describeError(error)}</Text>
      {fields.map(([field, message]) => (
        <Text size="sm" key={field}>
          {field}: {message}
        </Text>
      ))}
    </Alert>
  );
}

function takesValues(operator: Condition['operator']): boolean {
  return !['PRESENT', 'ABSENT', 'IS_TRUE', 'IS_FALSE'].includes(operator ?? '');
}

/** "Country in de, at" — a condition in words, for the collapsed view. */
export function describeCondition(c: Condition): string {
  const values = takesValues(c.operator) ? ` ${(c.values ?? []).join(', ')}` : '';
  return `${label(c.field ?? '?')} ${label(c.operator ?? '?').toLowerCase()}${values}`;
}

/**
 * The field conditions of one rule in words, and on request their editor (a row each with field, operator and
 * values): a rule set of fifty rules stays a page of fifty short rows.
 */
export function ConditionsEditor(props: { rule: string; conditions: Condition[]; onChange: (conditions: Condition[]) => void }) {
  const [open, setOpen] = useState(false);
  const { rule, conditions } = props;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c={conditions.length === 0 ? 'dimmed' : undefined}>
          {conditions.length === 0 ? 'No field conditions' : conditions.map(describeCondition).join(' and ')}
        </Text>
        <Button variant="subtle" size="compact-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? `Close the conditions of ${rule}` : `Edit the conditions of ${rule}`}
        </Button>
      </Group>
      {open && <ConditionRows {...props} />}
    </Stack>
  );
}

function ConditionRows({
  rule,
  conditions,
  onChange,
}: {
  rule: string;
  conditions: Condition[];
  onChange: (conditions: Condition[]) => void;
}) {
  function set(i: number, change: Partial<Condition>) {
    onChange(conditions.map((c, j) => (j === i ? { ...c, ...change } : c)));
  }
  return (
    <Stack gap={6}>
      {conditions.map((c, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={`Field of condition ${i + 1} of ${rule}`}
            w={170}
            data={LEAD_FIELDS.map((f) => ({ value: f, label: label(f) }))}
            value={c.field ?? null}
            onChange={(v) => set(i, { field: (v ?? undefined) as Condition['field'] })}
            searchable
            allowDeselect={false}
          />
          <Select
            label={`Operator of condition ${i + 1} of ${rule}`}
            w={150}
            data={OPERATORS.map((o) => ({ value: o, label: label(o) }))}
            value={c.operator ?? null}
            onChange={(v) => set(i, { operator: (v ?? undefined) as Condition['operator'] })}
            allowDeselect={false}
          />
          {takesValues(c.operator) && (
            <TagsInput
              label={`Values of condition ${i + 1} of ${rule}`}
              description="Press Enter after each"
              style={{ flex: 1, minWidth: 160 }}
              value={c.values ?? []}
              onChange={(values) => set(i, { values })}
              splitChars={[',']}
            />
          )}
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={() => onChange(conditions.filter((_, j) => j !== i))}
            aria-label={`Remove condition ${i + 1} of ${rule}`}
          >
            Remove
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...conditions, { field: 'COUNTRY', operator: 'IN', values: [] }])}
        >
          Add condition to {rule || 'rule'}
        </Button>
      </Group>
    </Stack>
  );
}

/** Picks a lead by the same search as the header's: type two letters, choose a hit. */
export function LeadPicker({
  value,
  onChange,
}: {
  value: { id: string; title: string } | null;
  onChange: (lead: { id: string; title: string } | null) => void;
}) {
  const [q, setQ] = useState('');
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const search = useSearch(debounced, { type: 'lead', limit: 10 });
  const hits = (search.data ?? []).filter((h) => h.id);
  return (
    <Stack gap={4}>
      <Combobox
        store={combobox}
        withinPortal={false}
        position="bottom-start"
        hideDetached={false}
        onOptionSubmit={(id) => {
          const hit = hits.find((h) => h.id === id);
          if (hit?.id) onChange({ id: hit.id, title: hit.title ?? hit.id });
          setQ('');
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target withExpandedAttribute>
          <TextInput
            label="Lead to try the rules on"
            placeholder="Search leads by name, company or email"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              combobox.openDropdown();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!searchable(q)}>
          <Combobox.Options aria-label="Matching leads">
            {search.isFetching && hits.length === 0 ? (
              <Combobox.Empty>Searching…</Combobox.Empty>
            ) : search.isError ? (
              <Combobox.Empty>{describeError(search.error)}</Combobox.Empty>
            ) : hits.length === 0 ? (
              <Combobox.Empty>No lead matches</Combobox.Empty>
            ) : (
              hits.map((hit) => (
                <Combobox.Option value={hit.id ?? ''} key={hit.id} aria-label={hit.title ?? hit.id}>
                  <Text size="sm">{hit.title}</Text>
                  {hit.subtitle && (
                    <Text size="xs" c="dimmed">
                      {hit.subtitle}
                    </Text>
                  )}
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {value && (
        <Group gap="xs">
          <Text size="sm">
            Trying on <strong>{value.title}</strong>
          </Text>
          <ActionIcon variant="subtle" size="sm" aria-label="Clear the lead" onClick={() => onChange(null)}>
            ×
          </ActionIcon>
        </Group>
      )}
    </Stack>
  );
}

export interface VersionRow {
  id: string;
  number: number;
  name?: string;
  status: string;
  detail?: string;
  at?: string;
}

const STATUS_COLOR: Record<string, string> = { active: 'green', draft: 'blue', retired: 'gray' };

/** The versions, newest first: open one; activate a draft or retired one; roll the active one back. */
export function VersionsTable({
  caption,
  versions,
  selected,
  onOpen,
  onActivate,
  onRollback,
}: {
  caption: string;
  versions: VersionRow[];
  selected: string | null;
  onOpen: (id: string) => void;
  onActivate: (row: VersionRow) => void;
  onRollback: (row: VersionRow) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table aria-label={caption} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id} aria-current={v.id === selected ? 'true' : undefined}>
              <Table.Td>
                <Text size="sm" fw={v.id === selected ? 700 : 400}>
                  v{v.number}
                  {v.name ? ` · ${v.name}` : ''}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Badge color={STATUS_COLOR[v.status] ?? 'gray'} variant="light" size="sm">
                    {v.status}
                  </Badge>
                  {v.detail && (
                    <Text size="xs" c="dimmed">
                      {v.detail}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="default" onClick={() => onOpen(v.id)} aria-label={`Open v${v.number}`}>
                    Open
                  </Button>
                  {v.status === 'active' ? (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => onRollback(v)} aria-label={`Roll back v${v.number}`}>
                      Roll back
                    </Button>
                  ) : (
                    <Button size="compact-xs" variant="light" onClick={() => onActivate(v)} aria-label={`Activate v${v.number}`}>
                      Activate
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
