import { Alert, Button, Group, Modal, NativeSelect, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import type { Me, RecordBody } from '../../api/types';
import { EnrolSelected } from '../../sequences/EnrolSelected';
import { runBounded, type BulkOutcome } from '../bulk';
import type { TypeConfig } from '../config';
import { recordKeys, recordTitle, useAssignableUsers, useRecordWriter } from '../queries';

/** Requests at once for a bulk action: enough to be quick, few enough to leave the server room. */
export const BULK_CONCURRENCY = 4;

type Action = 'assign' | 'status' | 'delete';

interface Props {
  config: TypeConfig;
  me: Me;
  selected: RecordBody[];
  onDone: (failedIds: string[]) => void;
  onClear: () => void;
}

const VERB: Record<Action, string> = { assign: 'assigned', status: 'changed', delete: 'deleted' };

/** Assign owner, change status or delete the selected rows: confirm, run with bounded concurrency, summarise. */
export function BulkActions({ config, me, selected, onDone, onClear }: Props) {
  const [action, setAction] = useState<Action | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome<RecordBody> | null>(null);
  /** The records the open dialog acts on, fixed when it opens. */
  const [target, setTarget] = useState<RecordBody[]>([]);
  const canReadUsers = (me.permissions ?? []).includes('users:read');
  const users = useAssignableUsers(action === 'assign' && canReadUsers);
  const writer = useRecordWriter(config.type);
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState<RecordBody[] | null>(null);
  const enrolType =
    (config.type === 'lead' || config.type === 'contact') && (me.permissions ?? []).includes('messages:write') ? config.type : null;
  const noun = (n: number) => `${n} ${(n === 1 ? config.label : config.plural).toLowerCase()}`;

  const userOptions = [
    { value: me.id ?? '', label: `Me (${me.displayName ?? me.email ?? ''})` },
    ...(users.data?.items ?? [])
      .filter((u) => u.id !== me.id && (u.status ?? 'ACTIVE').toUpperCase() === 'ACTIVE')
      .map((u) => ({ value: u.id ?? '', label: u.displayName ?? u.email ?? '' })),
  ];

  function open(next: Action) {
    setAction(next);
    setTarget(selected);
    setValue(next === 'assign' ? (me.id ?? null) : null);
    setOutcome(null);
    setProgress(null);
  }

  function close() {
    if (progress !== null && outcome === null) return; // running: wait for it
    setAction(null);
    setOutcome(null);
    setProgress(null);
  }

  async function run() {
    if (!action) return;
    const records = target;
    setProgress(0);
    const work = (record: RecordBody) => {
      const id = String(record.id);
      if (action === 'delete') return writer.remove(id);
      return writer.patch(id, action === 'assign' ? { ownerId: value } : { status: value });
    };
    const result = await runBounded(records, BULK_CONCURRENCY, work, setProgress);
    setOutcome(result);
    await queryClient.invalidateQueries({ queryKey: recordKeys.type(config.type) });
    onDone(result.failed.map((f) => String(f.item.id)));
  }

  const running = progress !== null && outcome === null;
  const ready = action === 'delete' || Boolean(value);
  const title =
    action === 'assign' ? `Assign ${noun(target.length)}` : action === 'status' ? `Change the status of ${noun(target.length)}` : `Delete ${noun(target.length)}`;

  return (
    <>
      {selected.length > 0 && (
        <Paper withBorder p="xs" radius="md" role="toolbar" aria-label="Bulk actions">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} mr="xs">
              {selected.length} selected
            </Text>
            <Button size="xs" variant="light" onClick={() => open('assign')}>
              Assign owner
            </Button>
            {config.statuses && (
              <Button size="xs" variant="light" onClick={() => open('status')}>
                Change status
              </Button>
            )}
            {enrolType && (
              <Button size="xs" variant="light" onClick={() => setEnrolling(selected)}>
                Enrol in sequence
              </Button>
            )}
            <Button size="xs" variant="light" color="red" onClick={() => open('delete')}>
              Delete
            </Button>
            <Button size="xs" variant="subtle" onClick={onClear}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}

      {enrolType && (
        <EnrolSelected
          type={enrolType}
          records={enrolling}
          titleOf={(r) => recordTitle(config.type, r)}
          onDone={onDone}
          onClose={() => setEnrolling(null)}
        />
      )}

      <Modal opened={action !== null} onClose={close} title={outcome ? 'Done' : title} closeOnClickOutside={!running} withCloseButton={!running}>
        {outcome ? (
          <Stack gap="sm">
            <Alert color={outcome.failed.length ? 'orange' : 'green'} role="status" title={`${noun(outcome.done.length)} ${VERB[action ?? 'assign']}`}>
              {outcome.failed.length > 0
                ? `${outcome.failed.length} could not be ${VERB[action ?? 'assign']}; they stay selected.`
                : 'Every selected record was done.'}
            </Alert>
            {outcome.failed.length > 0 && (
              <Table aria-label="Failures" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{config.label}</Table.Th>
                    <Table.Th>Why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {outcome.failed.map(({ item, error }) => (
                    <Table.Tr key={String(item.id)}>
                      <Table.Td>{recordTitle(config.type, item)}</Table.Td>
                      <Table.Td>{describeError(error)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              <Button onClick={close}>Close</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            {action === 'assign' && (
              <NativeSelect
                label="New owner"
                data={userOptions}
                value={value ?? ''}
                onChange={(e) => setValue(e.currentTarget.value)}
                description={canReadUsers ? undefined : 'You can give records to yourself only.'}
                disabled={running}
              />
            )}
            {action === 'status' && (
              <NativeSelect
                label="New status"
                data={[{ value: '', label: 'Choose a status' }, ...(config.statuses ?? [])]}
                value={value ?? ''}
                onChange={(e) => setValue(e.currentTarget.value || null)}
                disabled={running}
              />
            )}
            {action === 'delete' && (
              <Text size="sm">
                Delete {noun(target.length)}? They leave every list; an admin can restore them within 30 days.
              </Text>
            )}
            {running && (
              <Progress value={(100 * (progress ?? 0)) / Math.max(1, target.length)} aria-label="Progress" animated />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={running}>
                Cancel
              </Button>
              <Button color={action === 'delete' ? 'red' : undefined} onClick={() => void run()} loading={running} disabled={!ready}>
                {action === 'delete' ? `Delete ${noun(target.length)}` : action === 'assign' ? 'Assign' : 'Change status'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
