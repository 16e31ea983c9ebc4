import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/problem';

/** The server's message per field of a failed save, or none. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/** What went wrong with a save, for the form's top; field errors show on their fields instead. */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error) return null;
  const byField = fieldErrorsOf(error);
  const unplaced = Object.entries(byField).filter(([field]) => !fields.includes(field.split(/[.[]/)[0] ?? field));
  const message = Object.keys(byField).length > 0 && unplaced.length === 0 ? 'Some fields need your attention.' : describeError(error);
  return (
    <Alert color="red" role="alert" title="Not saved">
      <Text size="sm">{message}</Text>
      {unplaced.map(([field, text]) => (
        <Text size="sm" key={field}>
          {field}: {text}
        </Text>
      ))}
    </Alert>
  );
}

/** Asks before a destructive action. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title}>
      <Stack gap="md">
        <div>{children}</div>
        {error ? (
          <Alert color="red" role="alert">
            {describeError(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "sales_rep" reads as "Sales rep". */
export function humanize(code: string | undefined): string {
  if (!code) return '—';
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A table row's actions: "Edit" (or another verb) and, where the row allows, one destructive action that the page
 * confirms (`onDestroy` opens its ConfirmDialog). Each button names the row for screen readers: "Edit East".
 */
export function RowActions({
  name,
  onEdit,
  editLabel = 'Edit',
  destroy,
  children,
}: {
  name: string | undefined;
  onEdit?: () => void;
  editLabel?: string;
  destroy?: { label: string; onClick: () => void } | false;
  children?: ReactNode;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      {onEdit && (
        <Button size="xs" variant="light" onClick={onEdit} aria-label={`${editLabel} ${name ?? ''}`}>
          {editLabel}
        </Button>
      )}
      {destroy && (
        <Button size="xs" variant="subtle" color="red" onClick={destroy.onClick} aria-label={`${destroy.label} ${name ?? ''}`}>
          {destroy.label}
        </Button>
      )}
      {children}
    </Group>
  );
}
