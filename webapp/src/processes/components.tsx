import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState, type ComponentProps } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/problem';
import { formatDateTime } from '../common/format';
import { ReasonModal } from '../common/ReasonModal';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { RECORD_TYPES, recordPath } from '../records/queries';
import { recordOf } from './model';
import { useCancelInstance, useIncidents, useRetryIncident, useSuspendInstance, type Incident, type IncidentQuery, type ProcessInstance } from './queries';

const LazyDiagram = lazy(() => import('./editors/ProcessDiagram').then((m) => ({ default: m.ProcessDiagram })));

/** The read-only diagram, loaded (with bpmn-js) only when a page shows one. */
export function Diagram(props: ComponentProps<typeof LazyDiagram>) {
  return (
    <Suspense fallback={<LoadingRows rows={3} label="Loading the diagram" />}>
      <LazyDiagram {...props} />
    </Suspense>
  );
}

/** The CRM record an instance runs on, as a link to its page. */
export function RecordLink({ instance }: { instance: Pick<ProcessInstance, 'recordType' | 'recordId' | 'businessKey'> }) {
  const record = recordOf(instance);
  if (!record) {
    return (
      <Text size="sm" c="dimmed">
        {instance.businessKey ?? '—'}
      </Text>
    );
  }
  const label = RECORD_TYPES.find((t) => t.value === record.type)?.label ?? record.type;
  return (
    <Anchor component={Link} to={recordPath(record.type, record.id)} size="sm">
      {label} {record.id.slice(0, 8)}
    </Anchor>
  );
}

export function StateBadge({ state }: { state: string | undefined }) {
  const color = state === 'running' ? 'blue' : state === 'suspended' ? 'yellow' : state === 'completed' ? 'green' : 'gray';
  return (
    <Badge variant="light" color={color}>
      {state ?? 'unknown'}
    </Badge>
  );
}

/** Cancelling an instance asks for the reason, which the server keeps in its history and the audit log. */
export function CancelDialog({ instanceId, opened, onClose, onCancelled }: { instanceId: string; opened: boolean; onClose(): void; onCancelled?(): void }) {
  const cancel = useCancelInstance();
  return (
    <ReasonModal
      opened={opened}
      title="Cancel the instance"
      intro="The instance stops where it stands; open tasks of it disappear. This cannot be undone."
      missing="Say why the instance is cancelled."
      maxLength={500}
      confirmLabel="Cancel instance"
      cancelLabel="Keep it running"
      onClose={onClose}
      onConfirm={async (reason) => {
        await cancel.mutateAsync({ id: instanceId, reason });
        notifications.show({ color: 'green', title: 'Instance cancelled', message: reason });
        onClose();
        onCancelled?.();
      }}
    />
  );
}

/** Suspend or resume, and cancel (with a reason). */
export function InstanceActions({ instance, onCancelled }: { instance: Pick<ProcessInstance, 'id' | 'state'>; onCancelled?(): void }) {
  const suspend = useSuspendInstance();
  const [cancelling, setCancelling] = useState(false);
  const id = instance.id ?? '';
  if (instance.state !== 'running' && instance.state !== 'suspended') return null;
  const suspended = instance.state === 'suspended';
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        loading={suspend.isPending}
        onClick={() =>
          suspend.mutate(
            { id, suspend: !suspended },
            { onError: (e) => notifications.show({ color: 'red', title: 'Not changed', message: describeError(e) }) },
          )
        }
      >
        {suspended ? 'Resume' : 'Suspend'}
      </Button>
      <Button size="xs" variant="light" color="red" onClick={() => setCancelling(true)}>
        Cancel…
      </Button>
      <CancelDialog instanceId={id} opened={cancelling} onClose={() => setCancelling(false)} onCancelled={onCancelled} />
    </Group>
  );
}

function RetryButton({ incident }: { incident: Incident }) {
  const retry = useRetryIncident();
  return (
    <Button
      size="xs"
      variant="light"
      loading={retry.isPending}
      aria-label={`Retry ${incident.activityId ?? 'incident'}`}
      onClick={() =>
        retry.mutate(incident.id ?? '', {
          onSuccess: () => notifications.show({ color: 'green', title: 'Retried', message: 'The job runs again now.' }),
          onError: (e) => notifications.show({ color: 'red', title: 'Not retried', message: describeError(e) }),
        })
      }
    >
      Retry
    </Button>
  );
}

/** Incidents as a table with their message and a retry each. */
export function IncidentTable({ incidents, showProcess = false }: { incidents: Incident[]; showProcess?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {showProcess && <Table.Th>Process</Table.Th>}
            <Table.Th>Activity</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th>Since</Table.Th>
            <Table.Th>Instance</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((incident) => (
            <Table.Tr key={incident.id}>
              {showProcess && (
                <Table.Td>
                  <Anchor component={Link} to={`/processes/${incident.processKey}`} size="sm">
                    {incident.processKey}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{incident.failedActivityId ?? incident.activityId}</Text>
                <Text size="xs" c="dimmed">
                  {incident.type}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {incident.message ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(incident.occurredAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/processes/${incident.processKey}/instances/${incident.processInstanceId}`} size="sm">
                  {incident.processInstanceId?.slice(0, 8)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <RetryButton incident={incident} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Open incidents of the workspace, of one process or one instance. */
export function Incidents({ query, showProcess = false }: { query: IncidentQuery; showProcess?: boolean }) {
  const incidents = useIncidents(query);
  if (incidents.isPending) return <LoadingRows rows={2} label="Loading incidents" />;
  if (incidents.isError) return <ErrorState error={incidents.error} onRetry={() => void incidents.refetch()} />;
  const items = incidents.data.pages.flatMap((p) => p.items ?? []);
  if (items.length === 0) return <EmptyState title="No open incidents">Every job ran as it should.</EmptyState>;
  return (
    <Stack gap="xs">
      <Alert color="red" variant="light" p="xs">
        {items.length} open incident{items.length === 1 ? '' : 's'}: fix the cause (data, settings, a new version), then retry.
      </Alert>
      <IncidentTable incidents={items} showProcess={showProcess} />
      {incidents.hasNextPage && (
        <Button variant="subtle" onClick={() => void incidents.fetchNextPage()} loading={incidents.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
