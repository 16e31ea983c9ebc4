import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, FormError, fieldErrorsOf } from './common';
import { useAbsences, useAllUsers, useCreateAbsence, useDeleteAbsence, type Absence } from './queries';

/** Out-of-office periods: lead routing skips a user while they are away. */
export function AbsencesPage() {
  const users = useAllUsers();
  const [userId, setUserId] = useState<string | null>(null);
  const user = users.data?.find((u) => u.id === userId);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Absences
      </Title>
      <Text size="sm" c="dimmed">
        While someone is away, lead routing skips them.
      </Text>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <NativeSelect
          label="User"
          data={[
            { value: '', label: users.isPending ? 'Loading users…' : 'Choose a user' },
            ...(users.data ?? []).map((u) => ({
              value: u.id ?? '',
              label: u.displayName ? `${u.displayName} (${u.email})` : (u.email ?? ''),
            })),
          ]}
          value={userId ?? ''}
          onChange={(e) => setUserId(e.currentTarget.value || null)}
          maw={420}
        />
      )}
      {userId && <UserAbsences key={userId} userId={userId} name={user?.displayName ?? user?.email ?? 'this user'} />}
    </Stack>
  );
}

function UserAbsences({ userId, name }: { userId: string; name: string }) {
  const absences = useAbsences(userId);
  const create = useCreateAbsence(userId);
  const remove = useDeleteAbsence(userId);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [reason, setReason] = useState('');
  const [deleting, setDeleting] = useState<Absence | null>(null);
  const errors = fieldErrorsOf(create.error);
  const items = absences.data ?? [];
  const iso = (local: string) => (local ? new Date(local).toISOString() : '');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { startsAt: iso(startsAt), endsAt: iso(endsAt), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Absence added', message: name });
          setStartsAt('');
          setEndsAt('');
          setReason('');
        },
      },
    );
  }

  return (
    <Stack gap="md">
      {absences.isPending ? (
        <LoadingRows label="Loading absences" rows={2} />
      ) : absences.isError ? (
        <ErrorState error={absences.error} onRetry={() => void absences.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={`No absences for ${name}`} />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={`Absences of ${name}`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.startsAt)}</Table.Td>
                  <Table.Td>{formatDateTime(a.endsAt)}</Table.Td>
                  <Table.Td>{a.reason ?? '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove absence from ${formatDateTime(a.startsAt)}`}
                      onClick={() => {
                        remove.reset();
                        setDeleting(a);
                      }}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-label={`Add an absence for ${name}`}>
          <Stack gap="sm">
            <Text fw={600} size="sm">
              Add an absence
            </Text>
            <FormError error={create.error} fields={['startsAt', 'endsAt', 'reason']} />
            <Group gap="sm" wrap="wrap" align="flex-start">
              <TextInput
                label="From"
                type="datetime-local"
                required
                value={startsAt}
                onChange={(e) => setStartsAt(e.currentTarget.value)}
                error={errors.startsAt}
              />
              <TextInput
                label="Until"
                type="datetime-local"
                required
                value={endsAt}
                onChange={(e) => setEndsAt(e.currentTarget.value)}
                error={errors.endsAt}
              />
            </Group>
            <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                Add absence
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ConfirmDialog
        opened={deleting !== null}
        title="Remove absence"
        confirmLabel="Remove absence"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting?.id && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">
          {name} is no longer away from {formatDateTime(deleting?.startsAt)} until {formatDateTime(deleting?.endsAt)};
          routing may assign them leads again.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
