import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../api/problem';
import type { Me, TaskView } from '../api/types';
import { ColleagueSelect } from '../common/ColleagueSelect';
import { useClaim, useDelegate, useUnclaim } from './queries';

function failed(what: string) {
  return (error: unknown) => notifications.show({ color: 'red', title: `Could not ${what}`, message: describeError(error) });
}

/** Claim, give back, delegate: what the caller may do with a task as it stands. */
export function TaskActions({ task, me, size = 'xs' }: { task: TaskView; me: Me; size?: 'xs' | 'sm' }) {
  const claim = useClaim();
  const unclaim = useUnclaim();
  const id = task.id ?? '';
  const mine = task.assignee === me.id;
  const name = task.name ?? 'task';

  return (
    <Group gap="xs" wrap="nowrap">
      {!task.assignee && (
        <Button
          size={size}
          loading={claim.isPending}
          onClick={() => claim.mutate(id, { onError: failed('claim the task') })}
          aria-label={`Claim ${name}`}
        >
          Claim
        </Button>
      )}
      {mine && task.delegation !== 'pending' && (
        <Button
          size={size}
          variant="default"
          loading={unclaim.isPending}
          onClick={() => unclaim.mutate(id, { onError: failed('give the task back') })}
          aria-label={`Give back ${name}`}
        >
          Give back
        </Button>
      )}
      {mine && task.delegation !== 'pending' && <DelegateButton task={task} me={me} size={size} />}
    </Group>
  );
}

/** Hands the task to a colleague found by the start of their name, typed into the picker. */
function DelegateButton({ task, me, size }: { task: TaskView; me: Me; size: 'xs' | 'sm' }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const delegate = useDelegate();

  function submit() {
    if (!userId) {
      setError('Choose who should do the task.');
      return;
    }
    delegate.mutate(
      { id: task.id ?? '', userId },
      {
        onSuccess: () => {
          notifications.show({ message: 'Delegated. The task comes back to you once it is done.' });
          close();
        },
        onError: (e) => setError(describeError(e)),
      },
    );
  }

  return (
    <>
      <Button size={size} variant="default" onClick={open} aria-label={`Delegate ${task.name ?? 'task'}`}>
        Delegate
      </Button>
      <Modal opened={opened} onClose={close} title={`Delegate “${task.name}”`}>
        <Stack>
          <Text size="sm">They work on it and it returns to you to complete.</Text>
          {opened && (
            <ColleagueSelect
              label="Delegate to"
              value={userId}
              exclude={[me.id]}
              onChange={(id) => {
                setUserId(id);
                setError(null);
              }}
              error={error}
              autoFocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={delegate.isPending}>
              Delegate
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
