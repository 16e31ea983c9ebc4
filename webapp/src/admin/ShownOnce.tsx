import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only value with a button that copies it: secrets, tokens, addresses to paste elsewhere. */
export function Copyable({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        styles={{ input: { fontFamily: 'monospace' } }}
        style={{ flex: '1 1 220px' }}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="light" color={copied ? 'green' : undefined} onClick={copy}>
            {copied ? 'Copied' : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * Values Salesflow shows this once (a new API key, a signing secret): a warning, each value with its copy button, and
 * a button that says the user stored them. Closing by clicking outside is off, so nobody loses a secret by a stray
 * click.
 */
export function ShownOnceDialog({
  title,
  warningTitle,
  warning,
  fields,
  doneLabel,
  onClose,
}: {
  title: string;
  warningTitle?: string;
  warning?: ReactNode;
  fields: { label: string; value: string; copyLabel: string }[];
  doneLabel: string;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} title={title} closeOnClickOutside={false}>
      <Stack gap="md">
        {warningTitle && (
          <Alert color="orange" title={warningTitle} role="alert">
            {warning}
          </Alert>
        )}
        {fields.map((field) => (
          <Copyable key={field.label} {...field} />
        ))}
        <Group justify="flex-end">
          <Button onClick={onClose}>{doneLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
