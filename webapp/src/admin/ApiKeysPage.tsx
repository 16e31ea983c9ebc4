import {
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Checkbox,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useMe } from '../auth/SessionProvider';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, RowActions } from './common';
import { ShownOnceDialog } from './ShownOnce';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey } from './queries';

function statusOf(key: ApiKey, now = Date.now()): { label: string; color: string } {
  if (key.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'green' };
}

/** Keys for integrations: create with scopes (the secret is shown once), list, revoke. */
export function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const items = keys.data ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          API keys
        </Title>
        <Button onClick={() => setCreating(true)}>New API key</Button>
      </Group>
      {keys.isPending ? (
        <LoadingRows label="Loading API keys" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No API keys yet">Create a key for each system that calls Salesflow.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="API keys" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((key) => {
                const status = statusOf(key);
                return (
                  <Table.Tr key={key.id}>
                    <Table.Td>{key.name}</Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{(key.scopes ?? []).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                    <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</Table.Td>
                    <Table.Td>{key.expiresAt ? formatDateTime(key.expiresAt) : 'Never'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={status.color}>
                        {status.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        name={key.name}
                        destroy={
                          !key.revokedAt && {
                            label: 'Revoke',
                            onClick: () => {
                              revoke.reset();
                              setRevoking(key);
                            },
                          }
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {creating && (
        <CreateKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
          }}
        />
      )}
      {secret && <SecretDialog name={secret.name} secret={secret.key} onClose={() => setSecret(null)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke ${revoking?.name ?? 'key'}`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoking?.id &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Key revoked', message: revoking.name ?? '' });
              setRevoking(null);
            },
          })
        }
        onCancel={() => setRevoking(null)}
      >
        <Text size="sm">The key stops working at once; systems using it get 401 from now on. This cannot be undone.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

function CreateKeyDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: { name: string; key: string }) => void;
}) {
  const me = useMe();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const errors = fieldErrorsOf(create.error);
  const scopesError = Object.entries(errors).find(([field]) => field === 'scopes' || field.startsWith('scopes['))?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        scopes,
        ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
      },
      {
        onSuccess: (key) => {
          // The secret lives only in the dialog that shows it: nothing else keeps it.
          create.reset();
          onCreated({ name: key.name ?? name, key: key.key ?? '' });
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title="New API key">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} fields={['name', 'scopes', 'expiresAt']} />
          <TextInput
            label="Name"
            description="Which system uses it, e.g. Website forms"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Checkbox.Group
            label="Scopes"
            description="The key can do exactly this; you can grant only permissions you hold."
            withAsterisk
            value={scopes}
            onChange={setScopes}
            error={scopesError}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt="xs">
              {[...(me.permissions ?? [])].sort().map((permission) => (
                <Checkbox key={permission} value={permission} label={permission} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label="Expires on"
            description="Optional; without it the key works until revoked."
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresAt}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SecretDialog({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  return (
    <ShownOnceDialog
      title={`API key ${name} created`}
      warningTitle="Copy the key now"
      warning="This is the only time Salesflow shows this key. Store it somewhere safe; if you lose it, revoke it and create a new one."
      fields={[{ label: 'API key', value: secret, copyLabel: 'Copy key' }]}
      doneLabel="I have stored the key"
      onClose={onClose}
    />
  );
}
