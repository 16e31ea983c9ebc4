import { Anchor, Badge, Button, Code, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/problem';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import {
  useInboundEvents,
  useRetryInboundEvent,
  type InboundEndpoint,
  type InboundEvent,
  type InboundEventStatus,
} from './inboundWebhookQueries';

const COLORS: Record<string, string> = { received: 'blue', processed: 'green', failed: 'red' };

/** What an event became: a link to the lead, the process instance, or the reason it failed. */
function Outcome({ event }: { event: InboundEvent }) {
  if (event.status === 'failed') {
    return (
      <Text size="sm" c="red">
        {event.error}
      </Text>
    );
  }
  const result = event.result ?? '';
  if (result.startsWith('lead:')) {
    return (
      <Anchor component={Link} to={`/leads/${result.slice(5)}`} size="sm">
        Lead created
      </Anchor>
    );
  }
  if (result.startsWith('process-instance:')) {
    return <Text size="sm">Delivered to process instance {result.slice(17)}</Text>;
  }
  if (event.status === 'received' && event.error) {
    return (
      <Text size="sm" c="orange">
        Will be tried again: {event.error}
      </Text>
    );
  }
  return <Text size="sm">{result || 'Waiting to be processed'}</Text>;
}

/** An endpoint's deliveries, newest first, filtered by status, with a retry for failed ones. */
export function InboundEventLog({ endpoint }: { endpoint: InboundEndpoint }) {
  const id = endpoint.id ?? '';
  const [status, setStatus] = useState<InboundEventStatus>('');
  const events = useInboundEvents(id, status);
  const retry = useRetryInboundEvent(id);
  const items = events.data?.pages.flatMap((page) => page.items ?? []) ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="inbound-events-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="inbound-events-title">
          Events of {endpoint.name}
        </Title>
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(value) => setStatus(value as InboundEventStatus)}
          data={[
            { value: '', label: 'All' },
            { value: 'received', label: 'Received' },
            { value: 'processed', label: 'Processed' },
            { value: 'failed', label: 'Failed' },
          ]}
        />
      </Group>
      {events.isPending ? (
        <LoadingRows label="Loading events" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No events">Nothing has arrived at this endpoint{status ? ` with status ${status}` : ''}.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={`Events of ${endpoint.name}`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Event id</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDateTime(event.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Code title={event.keySource}>{event.eventKey}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={COLORS[event.status ?? ''] ?? 'gray'}>
                      {event.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{event.attempts}</Table.Td>
                  <Table.Td>
                    <Outcome event={event} />
                  </Table.Td>
                  <Table.Td>
                    {event.status === 'failed' && (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Retry event ${event.eventKey ?? ''}`}
                        loading={retry.isPending && retry.variables === event.id}
                        onClick={() =>
                          event.id &&
                          retry.mutate(event.id, {
                            onSuccess: () =>
                              notifications.show({ color: 'green', title: 'Sent again', message: event.eventKey ?? '' }),
                            onError: (error) =>
                              notifications.show({ color: 'red', title: 'Not retried', message: describeError(error) }),
                          })
                        }
                      >
                        Retry
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Group>
          <Button variant="default" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            Load more events
          </Button>
        </Group>
      )}
    </Stack>
  );
}
