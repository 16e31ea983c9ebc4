import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  ConditionsEditor,
  RuleProblems,
  RuleSetError,
  label,
  problemsOf,
  type VersionRow,
} from './common';
import { RuleVersionsFrame, TryOnLead, firstToOpen, type VersionChange } from './RuleVersionsFrame';
import { ErrorState, LoadingRows } from '../common/states';
import {
  useActivateScoring,
  useCreateScoringDraft,
  usePreviewScoring,
  useRollbackScoring,
  useSaveScoringDraft,
  useScoringVersion,
  useScoringVersions,
  useValidateScoring,
  type EngagementCondition,
  type RuleProblem,
  type ScoreExplanation,
  type ScoringDetail,
  type ScoringDraft,
  type ScoringPreview,
  type ScoringRule,
  type ScoringSummary,
} from './queries';

const RULE_TYPES: NonNullable<ScoringRule['type']>[] = ['DEMOGRAPHIC', 'FIRMOGRAPHIC', 'BEHAVIOURAL', 'ENGAGEMENT'];
const ENGAGEMENT_TYPES: NonNullable<EngagementCondition['type']>[] = [
  'EMAIL_OPENED', 'EMAIL_CLICKED', 'EMAIL_REPLIED', 'EMAIL_BOUNCED', 'UNSUBSCRIBED', 'FORM_SUBMITTED',
  'MEETING_BOOKED', 'ACTIVITY_COMPLETED', 'WEBINAR_ATTENDED', 'PAGE_VISITED',
];

function row(s: ScoringSummary): VersionRow {
  return {
    id: s.id ?? '',
    number: s.version ?? 0,
    name: s.name,
    status: s.status ?? 'draft',
    detail: s.ruleCount === undefined || s.ruleCount === null ? 'DRL' : `${s.ruleCount} rules`,
  };
}

/** Scoring rule sets: versions with activation and rollback, a draft's editor, and "try on this lead". */
export function ScoringRulesPage() {
  const versions = useScoringVersions();
  const [chosen, setChosen] = useState<string | null>(null);
  const activate = useActivateScoring();
  const rollback = useRollbackScoring();
  const create = useCreateScoringDraft();
  const list = versions.data ?? [];
  const selected = chosen ?? firstToOpen(list);
  const activationProblems = problemsOf(activate.error);

  function change({ kind, row: r }: VersionChange, done: (message: string) => void) {
    if (kind === 'activate') {
      activate.mutate(
        { id: r.id, revision: list.find((v) => v.id === r.id)?.revision },
        { onSuccess: () => done(`v${r.number} is active; every lead is being rescored.`) },
      );
    } else {
      rollback.mutate(r.id, { onSuccess: (a) => done(`Rolled back to v${a.ruleSet?.version ?? ''}.`) });
    }
  }

  return (
    <RuleVersionsFrame
      title="Scoring rules"
      versions={versions}
      rows={list.map(row)}
      selected={selected}
      onOpen={setChosen}
      empty={{
        title: 'No scoring rules yet',
        body: (
          <Button
            mt="sm"
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { name: 'Scoring rules', thresholds: { hot: 70, warm: 40 }, rules: [] },
                { onSuccess: (d) => setChosen(d.id ?? null) },
              )
            }
          >
            Create a draft
          </Button>
        ),
      }}
      editor={selected && <VersionEditor id={selected} onOpen={setChosen} />}
      activate={activate}
      rollback={rollback}
      explain={({ kind, row: r }) =>
        kind === 'rollback'
          ? `v${r.number} stops scoring; the version active before it takes over, and every lead is rescored.`
          : `v${r.number} replaces the active version, and every lead is rescored in the background.`
      }
      change={change}
      dialogExtra={
        activationProblems && (
          <Text size="sm" c="red" mt="xs">
            {activationProblems.map((p) => `${p.rule ? `${p.rule}: ` : ''}${p.message}`).join(' ')}
          </Text>
        )
      }
    />
  );
}

/** The editor keeps its edits across saves; only opening another version or reloading starts it afresh. */
function VersionEditor({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const detail = useScoringVersion(id);
  const [generation, setGeneration] = useState(0);
  if (detail.isPending) return <LoadingRows label="Loading the version" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <Editor
      key={`${id}:${generation}`}
      set={detail.data}
      onOpen={onOpen}
      reload={() => void detail.refetch().then(() => setGeneration((g) => g + 1))}
    />
  );
}

function draftOf(set: ScoringDetail): ScoringDraft {
  return {
    name: set.name ?? '',
    thresholds: { hot: set.thresholds?.hot ?? 70, warm: set.thresholds?.warm ?? 40 },
    rules: set.rules ?? [],
  };
}

function Editor({ set, onOpen, reload }: { set: ScoringDetail; onOpen: (id: string) => void; reload: () => void }) {
  const editable = set.status === 'draft';
  const [draft, setDraft] = useState<ScoringDraft>(() => draftOf(set));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [checked, setChecked] = useState<string | null>(null);
  const save = useSaveScoringDraft();
  const preview = usePreviewScoring();
  const validate = useValidateScoring();
  const create = useCreateScoringDraft();
  const isDrl = set.kind === 'drl';

  function change(next: ScoringDraft) {
    setDraft(next);
    setDirty(true);
    setChecked(null);
  }
  function setRule(i: number, patch: Partial<ScoringRule>) {
    change({ ...draft, rules: draft.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  }

  async function saveDraft(): Promise<boolean> {
    if (!dirty) return true;
    try {
      await save.mutateAsync({ id: set.id ?? '', revision: set.revision ?? 0, draft });
      setDirty(false);
      return true;
    } catch {
      return false;
    }
  }

  async function check() {
    if (!(await saveDraft())) return;
    const result = await validate.mutateAsync(set.id ?? '').catch(() => null);
    if (!result) return;
    setProblems(result.problems ?? []);
    setChecked(result.valid ? `Valid: ${result.ruleCount ?? 0} rules compile.` : null);
  }

  const ruleNames = draft.rules.map((r) => r.name ?? '');
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          v{set.version} · {set.name}{' '}
          <Badge variant="light" color={editable ? 'blue' : set.status === 'active' ? 'green' : 'gray'}>
            {set.status}
          </Badge>
        </Title>
        {!editable && (
          <Button
            variant="light"
            loading={create.isPending}
            disabled={isDrl}
            onClick={() => create.mutate({ ...draft, name: `${draft.name} (copy)` }, { onSuccess: (d) => onOpen(d.id ?? '') })}
          >
            New draft from v{set.version}
          </Button>
        )}
      </Group>
      {!editable && (
        <Text size="sm" c="dimmed">
          Only drafts change. You can still try this version on a lead, or make a new draft from it.
        </Text>
      )}
      {isDrl ? (
        <Alert color="blue" title="Written in DRL">
          This version was uploaded as DRL; it is edited through the API. Its DRL is below.
        </Alert>
      ) : (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label="Name"
              value={draft.name}
              disabled={!editable}
              onChange={(e) => change({ ...draft, name: e.currentTarget.value })}
            />
            <NumberInput
              label="Hot from score"
              w={130}
              min={0}
              max={100}
              value={draft.thresholds.hot}
              disabled={!editable}
              onChange={(v) => change({ ...draft, thresholds: { ...draft.thresholds, hot: Number(v) || 0 } })}
            />
            <NumberInput
              label="Warm from score"
              w={130}
              min={0}
              max={100}
              value={draft.thresholds.warm}
              disabled={!editable}
              onChange={(v) => change({ ...draft, thresholds: { ...draft.thresholds, warm: Number(v) || 0 } })}
            />
          </Group>
          {draft.rules.length === 0 && <Text c="dimmed">No rules yet: every lead scores 0.</Text>}
          {draft.rules.map((rule, i) => (
            <RuleRow
              key={i}
              index={i}
              rule={rule}
              editable={editable}
              problems={problems}
              onChange={(patch) => setRule(i, patch)}
              onRemove={() => change({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })}
            />
          ))}
          <RuleSetError error={save.error ?? validate.error} ruleNames={ruleNames} />
          {problems.filter((p) => !p.rule || !ruleNames.includes(p.rule)).map((p, i) => (
            <Alert key={i} color="red" role="alert">
              {p.message}
            </Alert>
          ))}
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
                    rules: [...draft.rules, { name: `Rule ${draft.rules.length + 1}`, type: 'DEMOGRAPHIC', points: 10, priority: 0, conditions: [] }],
                  })
                }
              >
                Add rule
              </Button>
              <Button onClick={() => void saveDraft()} loading={save.isPending} disabled={!dirty}>
                Save draft
              </Button>
              <Button variant="light" onClick={() => void check()} loading={validate.isPending}>
                {dirty ? 'Save and validate' : 'Validate'}
              </Button>
              {save.error !== null && save.error !== undefined && (
                <Button variant="subtle" onClick={reload}>
                  Reload the draft
                </Button>
              )}
            </Group>
          )}
        </>
      )}
      <TryOnLead
        draft={draft}
        preview={preview}
        description="Scores the lead with the rules as they are on screen, saved or not. Nothing is saved."
        disabled={isDrl}
        onProblems={setProblems}
        result={(data) => <ScoreResult preview={data} />}
      />
      {set.drl && (
        <details>
          <summary>DRL</summary>
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{set.drl}</pre>
        </details>
      )}
    </Stack>
  );
}

function RuleRow({
  index,
  rule,
  editable,
  problems,
  onChange,
  onRemove,
}: {
  index: number;
  rule: ScoringRule;
  editable: boolean;
  problems: RuleProblem[];
  onChange: (patch: Partial<ScoringRule>) => void;
  onRemove: () => void;
}) {
  const name = rule.name ?? '';
  const legend = name || `Rule ${index + 1}`;
  const engagement = rule.engagement ?? [];
  function setEngagement(i: number, patch: Partial<EngagementCondition>) {
    onChange({ engagement: engagement.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  }
  return (
    <Fieldset legend={legend} disabled={!editable} aria-label={`Rule ${legend}`}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={`Name of rule ${index + 1}`} value={name} onChange={(e) => onChange({ name: e.currentTarget.value })} />
          <Select
            label={`Type of ${legend}`}
            w={160}
            data={RULE_TYPES.map((t) => ({ value: t, label: label(t) }))}
            value={rule.type ?? null}
            onChange={(v) => onChange({ type: (v ?? undefined) as ScoringRule['type'] })}
          />
          <NumberInput
            label={`Points of ${legend}`}
            w={120}
            min={-1000}
            max={1000}
            value={rule.points ?? 0}
            onChange={(v) => onChange({ points: Number(v) || 0 })}
          />
          <NumberInput
            label={`Priority of ${legend}`}
            w={120}
            value={rule.priority ?? 0}
            onChange={(v) => onChange({ priority: Number(v) || 0 })}
          />
          <TextInput
            label={`Exclusive group of ${legend}`}
            w={160}
            value={rule.exclusiveGroup ?? ''}
            onChange={(e) => onChange({ exclusiveGroup: e.currentTarget.value || undefined })}
          />
          <Checkbox label="Active" checked={rule.active !== false} onChange={(e) => onChange({ active: e.currentTarget.checked })} />
        </Group>
        <ConditionsEditor rule={legend} conditions={rule.conditions ?? []} onChange={(conditions) => onChange({ conditions })} />
        {engagement.map((e, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={`Engagement ${i + 1} of ${legend}`}
              w={190}
              data={ENGAGEMENT_TYPES.map((t) => ({ value: t, label: label(t) }))}
              value={e.type ?? null}
              onChange={(v) => setEngagement(i, { type: (v ?? undefined) as EngagementCondition['type'] })}
            />
            <NumberInput
              label="At least"
              w={100}
              min={0}
              value={e.minCount ?? 1}
              onChange={(v) => setEngagement(i, { minCount: Number(v) || 0 })}
            />
            <NumberInput
              label="Within days"
              w={110}
              min={1}
              max={3650}
              value={e.withinDays ?? ''}
              onChange={(v) => setEngagement(i, { withinDays: v === '' ? undefined : Number(v) })}
            />
            <Button
              variant="subtle"
              color="red"
              size="xs"
              aria-label={`Remove engagement ${i + 1} of ${legend}`}
              onClick={() => onChange({ engagement: engagement.filter((_, j) => j !== i) })}
            >
              Remove
            </Button>
          </Group>
        ))}
        {editable && (
          <Group gap="xs">
            <Button
              variant="light"
              size="xs"
              onClick={() => onChange({ engagement: [...engagement, { type: 'EMAIL_CLICKED', minCount: 1 }] })}
            >
              Add engagement condition to {legend}
            </Button>
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              Remove {legend}
            </Button>
          </Group>
        )}
        <RuleProblems rule={name} problems={problems} />
      </Stack>
    </Fieldset>
  );
}

function ScoreResult({ preview }: { preview: ScoringPreview }) {
  const explanation = (preview.explanation ?? {}) as ScoreExplanation;
  const fired = explanation.fired ?? [];
  const current = preview.currentScore;
  const diff = current === undefined || current === null ? null : (preview.score ?? 0) - current;
  return (
    <Stack gap="xs" role="region" aria-label="Preview result">
      <Group gap="md">
        <Text size="xl" fw={700}>
          Score {preview.score}
        </Text>
        <Badge color={preview.band === 'hot' ? 'red' : preview.band === 'warm' ? 'orange' : 'blue'}>{preview.band}</Badge>
        <Text size="sm">
          {diff === null
            ? 'The lead has no score yet.'
            : `Now ${current} (${preview.currentBand ?? '—'}): ${diff === 0 ? 'no change' : `${diff > 0 ? '+' : ''}${diff}`}`}
        </Text>
      </Group>
      {explanation.clamped && (
        <Text size="sm" c="dimmed">
          The rules add up to {explanation.rawTotal}; scores stay between 0 and 100.
        </Text>
      )}
      {fired.length === 0 ? (
        <Text size="sm">No rule fired for this lead.</Text>
      ) : (
        <Table aria-label="Rules that fired">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Points</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fired.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td>{f.rule}</Table.Td>
                <Table.Td>{f.type ? label(f.type) : '—'}</Table.Td>
                <Table.Td>{f.points > 0 ? `+${f.points}` : f.points}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
