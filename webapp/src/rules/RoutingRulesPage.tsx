import { Alert, Badge, Button, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMe } from '../auth/SessionProvider';
import { ConditionsEditor, RuleProblems, RuleSetError, label, problemsOf, type VersionRow } from './common';
import { RuleVersionsFrame, TryOnLead, firstToOpen, type VersionChange } from './RuleVersionsFrame';
import {
  useActivateRouting,
  useCreateRoutingDraft,
  usePreviewRouting,
  useRollbackRouting,
  useRoutingVersions,
  useRuleTeams,
  useSaveRoutingDraft,
  useValidateRouting,
  type RoutingDraft,
  type RoutingPreview,
  type RoutingRule,
  type RoutingVersion,
  type RuleProblem,
  type Team,
} from './queries';

function row(v: RoutingVersion): VersionRow {
  const rules = v.rules?.length ?? 0;
  return { id: v.id ?? '', number: v.number ?? 0, status: v.status ?? 'draft', detail: `${rules} rule${rules === 1 ? '' : 's'}` };
}

/** Routing rule sets: versions with activation and rollback, a draft's editor, and "try on this lead". */
export function RoutingRulesPage() {
  const versions = useRoutingVersions();
  const me = useMe();
  const teams = useRuleTeams((me.permissions ?? []).includes('users:read'));
  const [chosen, setChosen] = useState<string | null>(null);
  const activate = useActivateRouting();
  const rollback = useRollbackRouting();
  const create = useCreateRoutingDraft();
  const list = versions.data ?? [];
  const selectedId = chosen ?? firstToOpen(list);
  const selected = list.find((v) => v.id === selectedId) ?? null;

  function change({ kind, row: r }: VersionChange, done: (message: string) => void) {
    if (kind === 'activate') {
      const version = list.find((v) => v.id === r.id)?.version;
      activate.mutate({ id: r.id, version }, { onSuccess: () => done(`v${r.number} routes new leads from now on.`) });
    } else {
      rollback.mutate(undefined, { onSuccess: (v) => done(`Rolled back to v${v.number ?? ''}.`) });
    }
  }

  return (
    <RuleVersionsFrame
      title="Routing rules"
      versions={versions}
      rows={list.map(row)}
      selected={selectedId}
      onOpen={setChosen}
      empty={{
        title: 'No routing rules yet',
        body: (
          <>
            <Text size="sm">New leads stay with whoever created them until a rule set is active.</Text>
            <Button
              mt="sm"
              loading={create.isPending}
              onClick={() => create.mutate({ unassignedQueue: 'unassigned', rules: [] }, { onSuccess: (d) => setChosen(d.id ?? null) })}
            >
              Create a draft
            </Button>
          </>
        ),
      }}
      editor={
        selected && (
          <Editor
            key={`${selected.id ?? ''}:${selected.version ?? 0}`}
            version={selected}
            teams={teams.data ?? null}
            onOpen={setChosen}
            reload={() => void versions.refetch()}
          />
        )
      }
      activate={activate}
      rollback={rollback}
      explain={({ kind, row: r }) =>
        kind === 'rollback'
          ? `v${r.number} stops routing; the version active before it routes new leads again.`
          : `v${r.number} replaces the active version for every new lead.`
      }
      change={change}
    />
  );
}

function draftOf(v: RoutingVersion): RoutingDraft {
  return { unassignedQueue: v.unassignedQueue ?? 'unassigned', rules: v.rules ?? [] };
}

function Editor({
  version,
  teams,
  onOpen,
  reload,
}: {
  version: RoutingVersion;
  teams: Team[] | null;
  onOpen: (id: string) => void;
  reload: () => void;
}) {
  const editable = version.status === 'draft';
  const [draft, setDraft] = useState<RoutingDraft>(() => draftOf(version));
  const preview = usePreviewRouting();
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [checked, setChecked] = useState<string | null>(null);
  const save = useSaveRoutingDraft();
  const validate = useValidateRouting();
  const create = useCreateRoutingDraft();

  function change(next: RoutingDraft) {
    setDraft(next);
    setDirty(true);
    setChecked(null);
  }
  function setRule(i: number, patch: Partial<RoutingRule>) {
    change({ ...draft, rules: draft.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  }
  function saveDraft() {
    save.mutate(
      { id: version.id ?? '', version: version.version ?? 0, draft },
      {
        onSuccess: () => {
          setDirty(false);
          setProblems([]);
          notifications.show({ color: 'green', title: 'Routing rules', message: 'Draft saved.' });
        },
        onError: (e) => setProblems(problemsOf(e) ?? []),
      },
    );
  }
  function check() {
    validate.mutate(draft, {
      onSuccess: (v) => {
        setProblems([]);
        setChecked(`Valid: ${v.activeRules ?? 0} active rules compile.`);
      },
      onError: (e) => setProblems(problemsOf(e) ?? []),
    });
  }

  const ruleNames = draft.rules.map((r) => r.name ?? '');
  const teamName = (id: string | undefined) => teams?.find((t) => t.id === id)?.name;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          v{version.number}{' '}
          <Badge variant="light" color={editable ? 'blue' : version.status === 'active' ? 'green' : 'gray'}>
            {version.status}
          </Badge>
        </Title>
        {!editable && (
          <Button variant="light" loading={create.isPending} onClick={() => create.mutate(draft, { onSuccess: (d) => onOpen(d.id ?? '') })}>
            New draft from v{version.number}
          </Button>
        )}
      </Group>
      {!editable && (
        <Text size="sm" c="dimmed">
          Only drafts change. You can still try this version on a lead, or make a new draft from it.
        </Text>
      )}
      <TeamField
        label="Unassigned queue (a team, or a queue name)"
        value={draft.unassignedQueue}
        teams={teams}
        disabled={!editable}
        onChange={(unassignedQueue) => change({ ...draft, unassignedQueue })}
      />
      {draft.rules.length === 0 && <Text c="dimmed">No rules yet: every new lead goes to the unassigned queue.</Text>}
      {draft.rules.map((rule, i) => {
        const legend = rule.name || `Rule ${i + 1}`;
        return (
          <Fieldset key={i} legend={legend} disabled={!editable} aria-label={`Rule ${legend}`}>
            <Stack gap="xs">
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput label={`Name of rule ${i + 1}`} value={rule.name ?? ''} onChange={(e) => setRule(i, { name: e.currentTarget.value })} />
                <TeamField
                  label={`Team of ${legend}`}
                  value={rule.team ?? ''}
                  teams={teams}
                  disabled={!editable}
                  onChange={(team) => setRule(i, { team })}
                />
                <NumberInput
                  label={`Priority of ${legend}`}
                  w={120}
                  value={rule.priority ?? 0}
                  onChange={(v) => setRule(i, { priority: Number(v) || 0 })}
                />
                <Checkbox label="Active" checked={rule.active !== false} onChange={(e) => setRule(i, { active: e.currentTarget.checked })} />
              </Group>
              <ConditionsEditor rule={legend} conditions={rule.conditions ?? []} onChange={(conditions) => setRule(i, { conditions })} />
              {editable && (
                <Group>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => change({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })}
                  >
                    Remove {legend}
                  </Button>
                </Group>
              )}
              <RuleProblems rule={rule.name ?? ''} problems={problems} />
              {rule.team && teams && !teamName(rule.team) && (
                <Text size="xs" c="orange">
                  No team of this workspace has the id {rule.team}.
                </Text>
              )}
            </Stack>
          </Fieldset>
        );
      })}
      <RuleSetError error={problemsOf(save.error) ? null : save.error} ruleNames={ruleNames} />
      {problems.length > 0 && (
        <Alert color="red" role="alert" title="The rules do not compile">
          {problems.length} problem{problems.length === 1 ? '' : 's'}; each is shown on its rule.
          {problems
            .filter((p) => !p.rule || !ruleNames.includes(p.rule))
            .map((p, i) => (
              <Text size="sm" key={i}>
                {p.message}
              </Text>
            ))}
        </Alert>
      )}
      {validate.isError && !problemsOf(validate.error) && <RuleSetError error={validate.error} ruleNames={ruleNames} />}
      {checked && (
        <Alert color="green" role="status">
          {checked}
        </Alert>
      )}
      {editable && (
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() =>
              change({
                ...draft,
                rules: [...draft.rules, { name: `Rule ${draft.rules.length + 1}`, team: teams?.[0]?.id ?? '', priority: 0, conditions: [] }],
              })
            }
          >
            Add rule
          </Button>
          <Button onClick={saveDraft} loading={save.isPending} disabled={!dirty}>
            Save draft
          </Button>
          <Button variant="light" onClick={check} loading={validate.isPending}>
            Validate
          </Button>
          {save.error !== null && save.error !== undefined && !problemsOf(save.error) && (
            <Button variant="subtle" onClick={reload}>
              Reload the draft
            </Button>
          )}
        </Group>
      )}
      <TryOnLead
        draft={draft}
        preview={preview}
        description="Routes the lead with the rules as they are on screen, saved or not. Nobody is assigned and the round robin does not move."
        onProblems={setProblems}
        result={(data) => <RouteResult preview={data} />}
      />
    </Stack>
  );
}

/** A team picked from the workspace's teams, or typed as an id or queue name when the teams cannot be listed. */
function TeamField({
  label: text,
  value,
  teams,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  teams: Team[] | null;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  if (teams && (value === '' || teams.some((t) => t.id === value))) {
    return (
      <Select
        label={text}
        w={220}
        data={teams.map((t) => ({ value: t.id ?? '', label: t.name ?? '' }))}
        value={value || null}
        disabled={disabled}
        onChange={(v) => onChange(v ?? '')}
        searchable
      />
    );
  }
  return <TextInput label={text} w={220} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)} />;
}

const VERDICT_COLOR: Record<string, string> = { chosen: 'green', passed_over: 'gray', skipped: 'orange' };

function RouteResult({ preview }: { preview: RoutingPreview }) {
  const candidates = preview.candidates ?? [];
  const others = (preview.matches ?? []).slice(1);
  return (
    <Stack gap="xs" role="region" aria-label="Preview result">
      <Text fw={700}>
        {preview.assigned
          ? `${preview.userName ?? preview.userId} in ${preview.teamName ?? preview.teamId}`
          : `Nobody: the lead would stay unassigned${preview.teamName ? ` in ${preview.teamName}` : ''}`}
      </Text>
      <Text size="sm">
        {preview.rule ? (
          <>
            Matched rule <strong>{preview.rule}</strong>
            {others.length > 0 && ` (also matched: ${others.map((m) => m.rule).join(', ')})`}
          </>
        ) : (
          'No rule matched.'
        )}
      </Text>
      <Text size="sm" c="dimmed">
        {preview.reason}
      </Text>
      {candidates.length > 0 && (
        <Table.ScrollContainer minWidth={340}>
          <Table aria-label="Candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rep</Table.Th>
                <Table.Th>Verdict</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => (
                <Table.Tr key={c.userId}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={VERDICT_COLOR[c.verdict ?? ''] ?? 'gray'}>
                      {label(c.verdict ?? '')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
