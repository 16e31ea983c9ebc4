import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormError } from '../admin/common';
import { formatDateTime, timeIn } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useSavedViews } from '../records/savedViews';
import { SequenceEditor } from './SequenceEditor';
import {
  useCancelEnrolment,
  useEnrolments,
  useEnrolView,
  useSequence,
  useSequenceFigures,
  type SequenceBulkEnrolment,
  type SequenceEnrolment,
} from './queries';

const FIGURES = ['sent', 'delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed'] as const;
const STATUS_COLORS: Record<string, string> = { active: 'blue', completed: 'green', stopped: 'gray' };

/** One sequence: its figures per step and variant, its enrolments, editing it and enrolling a saved view. */
export function SequencePage() {
  const { id = '' } = useParams();
  const sequence = useSequence(id);
  const [editing, setEditing] = useState(false);

  if (sequence.isPending) return <LoadingRows label="Loading the sequence" />;
  if (sequence.isError) return <ErrorState error={sequence.error} onRetry={() => void sequence.refetch()} />;
  const s = sequence.data;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{s.name}</Title>
        <Button variant="default" onClick={() => setEditing(true)}>
          Edit sequence
        </Button>
      </Group>
      <Anchor component={Link} to="/sequences" size="sm">
        All sequences
      </Anchor>
      <Figures id={id} />
      <EnrolView id={id} />
      <Enrolments id={id} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${s.name}`} size="xl">
        {editing && (
          <SequenceEditor
            sequence={s}
            onDone={() => {
              setEditing(false);
              notifications.show({ color: 'green', title: 'Sequence saved', message: s.name });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function Figures({ id }: { id: string }) {
  const figures = useSequenceFigures(id);
  return (
    <Stack gap="xs">
      <Title order={2}>Figures per step and variant</Title>
      {figures.isPending ? (
        <LoadingRows label="Loading figures" />
      ) : figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : figures.data.length === 0 ? (
        <EmptyState title="Nothing sent yet" />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Figures per step and variant">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Step</Table.Th>
                <Table.Th>Variant</Table.Th>
                {FIGURES.map((f) => (
                  <Table.Th key={f}>{f[0]?.toUpperCase() + f.slice(1)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.data.map((row) => (
                <Table.Tr key={`${row.position}-${row.variant}`}>
                  <Table.Td>
                    {row.position} ({row.channel})
                  </Table.Td>
                  <Table.Td>{row.variant}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f}>{row[f]}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function EnrolView({ id }: { id: string }) {
  const leadViews = useSavedViews('lead');
  const contactViews = useSavedViews('contact');
  const enrol = useEnrolView();
  const [view, setView] = useState<string | null>(null);
  const [report, setReport] = useState<SequenceBulkEnrolment | null>(null);
  const options = [
    ...(leadViews.data?.items ?? []).map((v) => ({ value: v.id ?? '', label: `Leads: ${v.name}` })),
    ...(contactViews.data?.items ?? []).map((v) => ({ value: v.id ?? '', label: `Contacts: ${v.name}` })),
  ];

  function run(cursor?: string) {
    if (!view) return;
    enrol.mutate({ sequenceId: id, savedViewId: view, cursor }, { onSuccess: setReport });
  }

  return (
    <Stack gap="xs">
      <Title order={2}>Enrol a saved view</Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Saved view"
          placeholder={leadViews.isPending || contactViews.isPending ? 'Loading views…' : 'Choose a view of leads or contacts'}
          data={options}
          value={view}
          onChange={(v) => {
            setView(v);
            setReport(null);
          }}
        />
        <Button onClick={() => run()} disabled={!view} loading={enrol.isPending}>
          Enrol its first 100
        </Button>
      </Group>
      <FormError error={enrol.error} fields={[]} />
      {report && (
        <Stack gap={4} role="status">
          <Text>
            Enrolled {(report.enrolled ?? []).length}, skipped {(report.skipped ?? []).length}.
          </Text>
          {(report.skipped ?? []).slice(0, 20).map((s) => (
            <Text size="sm" key={s.recordId}>
              {s.recordId}: {s.reason}
            </Text>
          ))}
          {report.nextCursor && (
            <Button variant="default" onClick={() => run(report.nextCursor ?? undefined)} loading={enrol.isPending}>
              Enrol the next 100
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** When an active enrolment's send goes out, in the recipient's own time when they have a zone. */
function NextSend({ enrolment, now = new Date() }: { enrolment: SequenceEnrolment; now?: Date }) {
  const { sendAt, recipientTimeZone: zone } = enrolment;
  const waiting = enrolment.status === 'active' && sendAt && new Date(sendAt).getTime() > now.getTime();
  if (!waiting) {
    return <Text size="sm">{zone ? `Their zone: ${zone}` : '—'}</Text>;
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDateTime(sendAt)}</Text>
      {zone && (
        <Text size="xs" c="dimmed">
          {`sends at ${timeIn(sendAt, zone)} their time (${zone})`}
        </Text>
      )}
    </Stack>
  );
}

function Enrolments({ id }: { id: string }) {
  const enrolments = useEnrolments(id);
  const cancel = useCancelEnrolment(id);
  const items = enrolments.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack gap="xs">
      <Title order={2}>Enrolments</Title>
      {enrolments.isPending ? (
        <LoadingRows label="Loading enrolments" />
      ) : enrolments.isError ? (
        <ErrorState error={enrolments.error} onRetry={() => void enrolments.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nobody enrolled yet">Enrol leads and contacts from their pages or a saved view.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Enrolments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Enrolled</Table.Th>
                <Table.Th>Next send</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/${e.recordType}s/${e.recordId}`}>
                      {e.recordTitle ?? (e.recordType === 'lead' ? 'Lead' : 'Contact')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[e.status ?? ''] ?? 'gray'}>
                      {e.stopReason ? `${e.status}: ${e.stopReason}` : e.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.currentStep}</Table.Td>
                  <Table.Td>{formatDateTime(e.enrolledAt)}</Table.Td>
                  <Table.Td>
                    <NextSend enrolment={e} />
                  </Table.Td>
                  <Table.Td>
                    {e.status === 'active' && (
                      <Button size="xs" variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(e.id ?? '')}>
                        Stop
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {enrolments.hasNextPage && (
        <Button variant="default" onClick={() => void enrolments.fetchNextPage()} loading={enrolments.isFetchingNextPage}>
          More enrolments
        </Button>
      )}
      <FormError error={cancel.error} fields={[]} />
    </Stack>
  );
}
