import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, RowActions } from './common';
import { ShownOnceDialog } from './ShownOnce';
import {
  useCreateWebhookSubscription,
  useDeleteWebhookSubscription,
  useRedeliverWebhook,
  useRotateWebhookSecret,
  useUpdateWebhookSubscription,
  useWebhookDeliveries,
  useWebhookDelivery,
  useWebhookEventTypes,
  useWebhookSubscriptions,
  type WebhookDelivery,
  type WebhookSubscription,
} from './webhookQueries';

const STATUS_COLOR: Record<string, string> = { DELIVERED: 'green', PENDING: 'blue', FAILED: 'red' };

/**
 * Outgoing webhooks: subscriptions of URLs to event types (the signing secret shown once, rotation, enable and
 * disable, delete) and each subscription's delivery log with its attempts and redelivery.
 */
export function WebhooksPage() {
  const subscriptions = useWebhookSubscriptions();
  const update = useUpdateWebhookSubscription();
  const remove = useDeleteWebhookSubscription();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<WebhookSubscription | 'new' | null>(null);
  const [secret, setSecret] = useState<{ title: string; secret: string; note?: string } | null>(null);
  const [deleting, setDeleting] = useState<WebhookSubscription | null>(null);
  const [rotating, setRotating] = useState<WebhookSubscription | null>(null);
  const [logOf, setLogOf] = useState<WebhookSubscription | null>(null);
  const items = subscriptions.data ?? [];

  function toggle(subscription: WebhookSubscription) {
    update.mutate(
      {
        id: subscription.id ?? '',
        body: {
          url: subscription.url ?? '',
          eventTypes: subscription.eventTypes ?? [],
          description: subscription.description,
          enabled: !subscription.enabled,
        },
      },
      {
        onSuccess: (after) =>
          notifications.show({
            color: 'green',
            title: after.enabled ? 'Subscription enabled' : 'Subscription disabled',
            message: after.url ?? '',
          }),
        onError: (error) => notifications.show({ color: 'red', title: 'Could not change the subscription', message: error.message }),
      },
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Webhooks
        </Title>
        <Button onClick={() => setEditing('new')}>New subscription</Button>
      </Group>
      <Text size="sm" c="dimmed">
        Salesflow posts the events you choose to your URLs, signed with Standard Webhooks headers (webhook-id,
        webhook-timestamp, webhook-signature). Failed deliveries are retried for about two days.
      </Text>
      {subscriptions.isPending ? (
        <LoadingRows label="Loading webhook subscriptions" />
      ) : subscriptions.isError ? (
        <ErrorState error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No webhook subscriptions yet">Subscribe a URL to the events another system needs.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Webhook subscriptions" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((subscription) => (
                <Table.Tr key={subscription.id}>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {subscription.url}
                    </Text>
                    {subscription.description && (
                      <Text size="xs" c="dimmed">
                        {subscription.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{(subscription.eventTypes ?? []).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={subscription.enabled ? 'green' : 'gray'}>
                      {subscription.enabled ? 'Enabled' : 'Disabled'}
                    </Badge>
                    {subscription.disabledReason && (
                      <Text size="xs" c="red" mt={4}>
                        {subscription.disabledReason}
                      </Text>
                    )}
                    {subscription.previousSecretValidUntil &&
                      Date.parse(subscription.previousSecretValidUntil) > Date.now() && (
                        <Text size="xs" c="dimmed" mt={4}>
                          Old secret signs until {formatDateTime(subscription.previousSecretValidUntil)}
                        </Text>
                      )}
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={subscription.url}
                      onEdit={() => setEditing(subscription)}
                      destroy={{
                        label: 'Delete',
                        onClick: () => {
                          remove.reset();
                          setDeleting(subscription);
                        },
                      }}
                    >
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => toggle(subscription)}
                        aria-label={`${subscription.enabled ? 'Disable' : 'Enable'} ${subscription.url ?? ''}`}
                      >
                        {subscription.enabled ? 'Disable' : 'Enable'}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          rotate.reset();
                          setRotating(subscription);
                        }}
                        aria-label={`Rotate secret of ${subscription.url ?? ''}`}
                      >
                        Rotate secret
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setLogOf(subscription)}
                        aria-label={`Deliveries of ${subscription.url ?? ''}`}
                      >
                        Deliveries
                      </Button>
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {logOf?.id && <DeliveryLog subscription={logOf} onClose={() => setLogOf(null)} />}

      {editing && (
        <SubscriptionDialog
          subscription={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(created) => {
            setEditing(null);
            setSecret({ title: 'Subscription created', secret: created });
          }}
        />
      )}
      {secret && <SecretDialog {...secret} onClose={() => setSecret(null)} />}
      <ConfirmDialog
        opened={rotating !== null}
        title="Rotate the signing secret"
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        error={rotate.error}
        onConfirm={() =>
          rotating?.id &&
          rotate.mutate(rotating.id, {
            onSuccess: (rotation) => {
              setRotating(null);
              setSecret({
                title: 'New signing secret',
                secret: rotation.secret ?? '',
                note: `Deliveries carry a signature by the old secret too until ${formatDateTime(rotation.previousSecretValidUntil)}.`,
              });
            },
          })
        }
        onCancel={() => setRotating(null)}
      >
        <Text size="sm">
          A new secret signs every delivery from now on; the old one keeps signing as a second signature for a day, so
          the receiver can switch without missing a delivery.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete the subscription"
        confirmLabel="Delete subscription"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting?.id &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Subscription deleted', message: deleting.url ?? '' });
              if (logOf?.id === deleting.id) setLogOf(null);
              setDeleting(null);
            },
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">
          {deleting?.url} gets no more events, and its delivery log is deleted with it. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function SubscriptionDialog({
  subscription,
  onClose,
  onCreated,
}: {
  subscription: WebhookSubscription | null;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const eventTypes = useWebhookEventTypes();
  const create = useCreateWebhookSubscription();
  const update = useUpdateWebhookSubscription();
  const mutation = subscription ? update : create;
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [description, setDescription] = useState(subscription?.description ?? '');
  const [types, setTypes] = useState<string[]>(subscription?.eventTypes ?? []);
  const [enabled, setEnabled] = useState(subscription?.enabled ?? true);
  const errors = fieldErrorsOf(mutation.error);
  const typesError = Object.entries(errors).find(([field]) => field === 'eventTypes' || field.startsWith('eventTypes['))?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { url: url.trim(), eventTypes: types, description: description.trim() || undefined, enabled };
    if (subscription?.id) {
      update.mutate(
        { id: subscription.id, body },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: 'Subscription saved', message: body.url });
            onClose();
          },
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          // The secret lives only in the dialog that shows it: nothing else keeps it.
          create.reset();
          onCreated(created.secret ?? '');
        },
      });
    }
  }

  return (
    <Modal opened onClose={onClose} title={subscription ? 'Edit subscription' : 'New webhook subscription'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={mutation.error} fields={['url', 'eventTypes', 'description', 'enabled']} />
          <TextInput
            label="URL"
            description="https, reachable from the internet"
            placeholder="https://hooks.example.com/salesflow"
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            data-autofocus
          />
          <Textarea
            label="Description"
            description="Optional: what receives these events"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            maxLength={500}
            autosize
            minRows={2}
          />
          {eventTypes.isPending ? (
            <LoadingRows rows={2} label="Loading event types" />
          ) : eventTypes.isError ? (
            <ErrorState error={eventTypes.error} onRetry={() => void eventTypes.refetch()} />
          ) : (
            <Checkbox.Group label="Events" withAsterisk value={types} onChange={setTypes} error={typesError}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt="xs">
                {(eventTypes.data ?? []).map((type) => (
                  <Checkbox key={type.type} value={type.type ?? ''} label={type.type} description={type.description} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <Switch
            label="Enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {subscription ? 'Save' : 'Create subscription'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SecretDialog({
  title,
  secret,
  note,
  onClose,
}: {
  title: string;
  secret: string;
  note?: string;
  onClose: () => void;
}) {
  return (
    <ShownOnceDialog
      title={title}
      warningTitle="Copy the signing secret now"
      warning={`This is the only time Salesflow shows this secret. The receiver checks each delivery's webhook-signature with it. ${note ?? ''}`}
      fields={[{ label: 'Signing secret', value: secret, copyLabel: 'Copy secret' }]}
      doneLabel="I have stored the secret"
      onClose={onClose}
    />
  );
}

function DeliveryLog({ subscription, onClose }: { subscription: WebhookSubscription; onClose: () => void }) {
  const deliveries = useWebhookDeliveries(subscription.id ?? '');
  const [open, setOpen] = useState<WebhookDelivery | null>(null);
  const items = deliveries.data?.pages.flatMap((page) => page.items ?? []) ?? [];

  return (
    <Stack gap="sm" component="section" aria-label={`Deliveries of ${subscription.url ?? ''}`}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          Deliveries
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void deliveries.refetch()}>
            Refresh
          </Button>
          <Button size="xs" variant="subtle" onClick={onClose}>
            Close deliveries
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {subscription.url}
      </Text>
      {deliveries.isPending ? (
        <LoadingRows label="Loading deliveries" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No deliveries yet">Deliveries appear here when a subscribed event happens.</EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last answer</Table.Th>
                  <Table.Th>Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>{delivery.eventType}</Table.Td>
                    <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[delivery.status ?? ''] ?? 'gray'}>
                        {delivery.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{delivery.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpen(delivery)}
                        aria-label={`Details of ${delivery.eventType ?? ''} ${delivery.webhookId ?? ''}`}
                      >
                        Details
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {deliveries.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void deliveries.fetchNextPage()}
              loading={deliveries.isFetchingNextPage}
            >
              Load more deliveries
            </Button>
          )}
        </>
      )}
      {open?.id && <DeliveryDialog id={open.id} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function DeliveryDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useWebhookDelivery(id);
  const redeliver = useRedeliverWebhook();
  const delivery = detail.data?.delivery;

  return (
    <Modal opened onClose={onClose} title="Delivery" size="xl">
      {detail.isPending ? (
        <LoadingRows label="Loading the delivery" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={STATUS_COLOR[delivery?.status ?? ''] ?? 'gray'}>
              {delivery?.status}
            </Badge>
            <Text size="sm">{delivery?.eventType}</Text>
            <Code>{delivery?.webhookId}</Code>
          </Group>
          <Text size="sm" fw={500}>
            Payload
          </Text>
          <ScrollArea.Autosize mah={160}>
            <Code block>{detail.data?.payload}</Code>
          </ScrollArea.Autosize>
          <Text size="sm" fw={500}>
            Attempts
          </Text>
          {(detail.data?.attempts ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              Not attempted yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Attempts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th>Answer</Table.Th>
                    <Table.Th>Took</Table.Th>
                    <Table.Th>Response</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(detail.data?.attempts ?? []).map((attempt) => (
                    <Table.Tr key={attempt.id}>
                      <Table.Td>{formatDateTime(attempt.attemptedAt)}</Table.Td>
                      <Table.Td>{attempt.outcome}</Table.Td>
                      <Table.Td>{attempt.statusCode ?? attempt.error}</Table.Td>
                      <Table.Td>{attempt.durationMs} ms</Table.Td>
                      <Table.Td>
                        <Text size="xs" style={{ wordBreak: 'break-all' }} lineClamp={3}>
                          {attempt.response ?? '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {redeliver.error && (
            <Alert color="red" role="alert" title="Could not redeliver">
              {redeliver.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button
              disabled={delivery?.status === 'PENDING'}
              loading={redeliver.isPending}
              onClick={() =>
                redeliver.mutate(id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', title: 'Redelivery queued', message: delivery?.webhookId ?? '' });
                    void detail.refetch();
                  },
                })
              }
            >
              Redeliver
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
