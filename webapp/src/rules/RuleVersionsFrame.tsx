import { Grid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { VersionsTable, type VersionRow } from './common';

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
