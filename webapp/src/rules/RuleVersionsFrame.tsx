import { Alert, Button, Fieldset, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { LeadPicker, RuleSetError, VersionsTable, problemsOf, type VersionRow } from './common';
import type { RuleProblem } from './queries';

export type VersionChange = { kind: 'activate' | 'rollback'; row: VersionRow };

interface Mutation {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

/** The version to open first: the newest draft, else the active one, else the newest. */
export function firstToOpen(versions: { id?: string; status?: string }[]): string | null {
  return (versions.find((v) => v.status === 'draft') ?? versions.find((v) => v.status === 'active') ?? versions[0])?.id ?? null;
}

/**
 * What the scoring and routing rule pages share: the versions beside the open one, loading, error and empty states,
 * and the confirm step before a version goes live or is rolled back. The page says what a change does and makes it.
 */
export function RuleVersionsFrame({
  title,
  versions,
  rows,
  selected,
  onOpen,
  empty,
  editor,
  activate,
  rollback,
  explain,
  change,
  dialogExtra,
}: {
  /** "Scoring rules": the heading, the table's caption and the notification's title. */
  title: string;
  versions: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  rows: VersionRow[];
  selected: string | null;
  onOpen: (id: string) => void;
  empty: { title: string; body: ReactNode };
  editor: ReactNode;
  activate: Mutation;
  rollback: Mutation;
  explain: (change: VersionChange) => string;
  /** Makes the change; `done` closes the dialog and says what happened. */
  change: (change: VersionChange, done: (message: string) => void) => void;
  dialogExtra?: ReactNode;
}) {
  const [pending, setPending] = useState<VersionChange | null>(null);
  const subject = title.toLowerCase();

  function confirm() {
    if (!pending) return;
    change(pending, (message) => {
      setPending(null);
      notifications.show({ color: 'green', title, message });
    });
  }

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      {versions.isPending ? (
        <LoadingRows label={`Loading the ${subject}`} />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={empty.title}>{empty.body}</EmptyState>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <VersionsTable
              caption={`${title.replace(/s$/, '')} versions`}
              versions={rows}
              selected={selected}
              onOpen={onOpen}
              onActivate={(row) => setPending({ kind: 'activate', row })}
              onRollback={(row) => setPending({ kind: 'rollback', row })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>{editor}</Grid.Col>
        </Grid>
      )}
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.kind === 'rollback' ? `Roll back the ${subject}?` : `Activate these ${subject}?`}
        confirmLabel={pending?.kind === 'rollback' ? 'Roll back' : 'Activate'}
        busy={activate.isPending || rollback.isPending}
        error={pending?.kind === 'rollback' ? rollback.error : activate.error}
        onConfirm={confirm}
        onCancel={() => {
          setPending(null);
          activate.reset();
          rollback.reset();
        }}
      >
        {pending && explain(pending)}
        {dialogExtra}
      </ConfirmDialog>
    </Stack>
  );
}

interface PreviewMutation<D, R> {
  mutate: (
    input: { leadId: string; draft: D },
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: R | undefined;
}

/** Runs the rules as they are on screen, saved or not, on a lead picked by search, and shows what they would do. */
export function TryOnLead<D, R>({
  draft,
  preview,
  description,
  disabled = false,
  onProblems,
  result,
}: {
  draft: D;
  preview: PreviewMutation<D, R>;
  description: string;
  disabled?: boolean;
  onProblems: (problems: RuleProblem[]) => void;
  result: (data: R) => ReactNode;
}) {
  const [lead, setLead] = useState<{ id: string; title: string } | null>(null);
  const problems = problemsOf(preview.error);
  function run() {
    if (!lead) return;
    preview.mutate(
      { leadId: lead.id, draft },
      { onSuccess: () => onProblems([]), onError: (e) => onProblems(problemsOf(e) ?? []) },
    );
  }
  return (
    <Fieldset legend="Try on this lead" aria-label="Try on this lead">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        <LeadPicker value={lead} onChange={setLead} />
        <Group>
          <Button onClick={run} disabled={!lead || disabled} loading={preview.isPending}>
            Try on this lead
          </Button>
        </Group>
        {preview.isError &&
          (problems ? (
            <Alert color="red" role="alert">
              The rules do not compile; the problems are shown on their rules.
            </Alert>
          ) : (
            <RuleSetError error={preview.error} ruleNames={[]} />
          ))}
        {preview.data !== undefined && result(preview.data)}
      </Stack>
    </Fieldset>
  );
}
