import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError } from '../api/problem';

/** Placeholder rows while a list or card loads. */
export function LoadingRows({ rows = 4, label }: { rows?: number; label: string }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={44} radius="sm" />
      ))}
    </Stack>
  );
}

export function ErrorState({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert color="red" title={title} role="alert">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** Nothing to show: a quiet note, not an alert (screen readers would announce an alert as if something went wrong). */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Alert color="gray" variant="light" title={title} role="note">
      {children}
    </Alert>
  );
}
