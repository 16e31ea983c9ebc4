import { Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { SequenceEditor } from './SequenceEditor';
import { useSequences } from './queries';

const KIND_LABELS: Record<string, string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', task: 'Task', wait: 'Wait' };

/** The workspace's follow-up sequences: their steps at a glance, and a new one. */
export function SequencesPage() {
  const sequences = useSequences();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const items = sequences.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Sequences</Title>
        <Button onClick={() => setCreating(true)}>New sequence</Button>
      </Group>
      <Text c="dimmed" size="sm">
        Emails, texts, rep tasks and waits in business time, sent to enrolled leads and contacts until they answer.
      </Text>
      {sequences.isPending ? (
        <LoadingRows label="Loading sequences" />
      ) : sequences.isError ? (
        <ErrorState error={sequences.error} onRetry={() => void sequences.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No sequences yet">Create one, then enrol leads and contacts from their pages.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Steps</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sequences/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{(s.steps ?? []).map((step) => KIND_LABELS[step.kind ?? ''] ?? step.kind).join(' → ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New sequence" size="xl">
        {creating && (
          <SequenceEditor
            onDone={(saved) => {
              setCreating(false);
              notifications.show({ color: 'green', title: 'Sequence saved', message: saved.name });
              void navigate(`/sequences/${saved.id}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
