import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/problem';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, humanize, RowActions } from './common';
import { InboundEndpointForm } from './InboundEndpointForm';
import { InboundEventLog } from './InboundEventLog';
import {
  useDeleteInboundEndpoint,
  useInboundEndpoints,
  useRotateInboundSecret,
  useSetInboundEnabled,
  type InboundEndpoint,
  type InboundEndpointSecrets,
} from './inboundWebhookQueries';
import { ShownOnceDialog } from './ShownOnce';

/** The address a vendor calls: this installation's origin and the endpoint's path. */
export function endpointUrl(path: string | undefined): string {
  return `${window.location.origin}${path ?? ''}`;
}

/** Endpoints vendors call (Standard Webhooks, Meta, Twilio), what each does, and the log of what arrived. */
export function InboundWebhooksPage() {
  const endpoints = useInboundEndpoints();
  const remove = useDeleteInboundEndpoint();
  const toggle = useSetInboundEnabled();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ title: string; secrets: InboundEndpointSecrets } | null>(null);
  const [rotating, setRotating] = useState<InboundEndpoint | null>(null);
  const [deleting, setDeleting] = useState<InboundEndpoint | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = endpoints.data ?? [];
  const selected = items.find((e) => e.id === selectedId);

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Inbound webhooks
        </Title>
        <Button onClick={() => setCreating(true)}>New inbound webhook</Button>
      </Group>
      {endpoints.isPending ? (
        <LoadingRows label="Loading inbound webhooks" />
      ) : endpoints.isError ? (
        <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No inbound webhooks yet">
          Give each system that sends you events (forms, payments, Meta, Twilio) its own address.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Inbound webhooks" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>Scheme</Table.Th>
                <Table.Th>Does</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((endpoint) => (
                <Table.Tr key={endpoint.id}>
                  <Table.Td>{endpoint.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {endpoint.path}
                    </Text>
                  </Table.Td>
                  <Table.Td>{humanize(endpoint.scheme)}</Table.Td>
                  <Table.Td>
                    {endpoint.action === 'create_lead' ? 'Creates a lead' : `Sends ${endpoint.message?.messageName ?? 'a message'}`}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={endpoint.enabled ? 'green' : 'gray'}>
                      {endpoint.enabled ? 'Enabled' : 'Disabled'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={endpoint.name}
                      onEdit={() => setSelectedId(endpoint.id ?? null)}
                      editLabel="Events"
                      destroy={{ label: 'Delete', onClick: () => { remove.reset(); setDeleting(endpoint); } }}
                    >
                      <Button size="xs" variant="default" aria-label={`Rotate secret ${endpoint.name ?? ''}`} onClick={() => setRotating(endpoint)}>
                        Rotate secret
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.name ?? ''}`}
                        loading={toggle.isPending && toggle.variables?.endpoint.id === endpoint.id}
                        onClick={() =>
                          toggle.mutate(
                            { endpoint, enabled: !endpoint.enabled },
                            {
                              onError: (error) =>
                                notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) }),
                            },
                          )
                        }
                      >
                        {endpoint.enabled ? 'Disable' : 'Enable'}
                      </Button>
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {selected && <InboundEventLog key={selected.id} endpoint={selected} />}

      {creating && (
        <InboundEndpointForm
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setShown({ title: `Inbound webhook ${created.endpoint?.name ?? ''} created`, secrets: created });
          }}
        />
      )}
      {rotating && (
        <RotateDialog
          endpoint={rotating}
          onClose={() => setRotating(null)}
          onRotated={(rotated) => {
            setRotating(null);
            setShown({ title: `Secret of ${rotated.endpoint?.name ?? ''} rotated`, secrets: rotated });
          }}
        />
      )}
      {shown && <SecretsDialog title={shown.title} secrets={shown.secrets} onClose={() => setShown(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'endpoint'}`}
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting?.id &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Endpoint deleted', message: deleting.name ?? '' });
              if (selectedId === deleting.id) setSelectedId(null);
              setDeleting(null);
            },
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">Calls to its address get 404 from now on, and its event log is removed. This cannot be undone.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** The address to paste into the vendor's console, and the secrets Salesflow generated, shown this once. */
function SecretsDialog({ title, secrets, onClose }: { title: string; secrets: InboundEndpointSecrets; onClose: () => void }) {
  const once = Boolean(secrets.secret || secrets.verifyToken);
  return (
    <ShownOnceDialog
      title={title}
      warningTitle={once ? 'Copy it now' : undefined}
      warning={`This is the only time Salesflow shows this ${secrets.secret ? 'signing secret' : 'verify token'}. Paste it into the sending system; if you lose it, rotate the secret.`}
      fields={[
        { label: 'Address to call', value: endpointUrl(secrets.endpoint?.path), copyLabel: 'Copy address' },
        ...(secrets.secret ? [{ label: 'Signing secret', value: secrets.secret, copyLabel: 'Copy secret' }] : []),
        ...(secrets.verifyToken ? [{ label: 'Verify token', value: secrets.verifyToken, copyLabel: 'Copy token' }] : []),
      ]}
      doneLabel={once ? 'I have stored it' : 'Done'}
      onClose={onClose}
    />
  );
}

const OVERLAPS = [
  { value: 'PT0S', label: 'Stop accepting the old one now' },
  { value: 'PT1H', label: 'Accept the old one for 1 hour' },
  { value: 'PT24H', label: 'Accept the old one for 24 hours' },
  { value: 'P7D', label: 'Accept the old one for 7 days' },
];

function RotateDialog({
  endpoint,
  onClose,
  onRotated,
}: {
  endpoint: InboundEndpoint;
  onClose: () => void;
  onRotated: (rotated: InboundEndpointSecrets) => void;
}) {
  const rotate = useRotateInboundSecret();
  const [secret, setSecret] = useState('');
  const [overlap, setOverlap] = useState('PT24H');
  const errors = fieldErrorsOf(rotate.error);
  const vendor = endpoint.scheme !== 'standard';

  function submit(event: FormEvent) {
    event.preventDefault();
    rotate.mutate(
      { id: endpoint.id ?? '', overlap, ...(vendor ? { secret } : {}) },
      {
        onSuccess: (rotated) => {
          rotate.reset();
          onRotated(rotated);
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={`Rotate the secret of ${endpoint.name ?? ''}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={rotate.error} fields={['secret', 'overlap']} />
          {vendor ? (
            <PasswordInput
              label={endpoint.scheme === 'meta' ? 'New app secret' : 'New auth token'}
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={errors.secret}
              data-autofocus
            />
          ) : (
            <Text size="sm">Salesflow generates a new signing secret and shows it once.</Text>
          )}
          <Select
            label="Old secret"
            data={OVERLAPS}
            value={overlap}
            onChange={(value) => setOverlap(value ?? 'PT24H')}
            allowDeselect={false}
            error={errors.overlap}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rotate.isPending}>
              Rotate secret
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
