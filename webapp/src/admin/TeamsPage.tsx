import { Button, Group, Modal, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, RowActions } from './common';
import { useAllUsers, useDeleteTeam, useSaveTeam, useTeams, type Team } from './queries';

/** Teams, their members and manager. */
export function TeamsPage() {
  const me = useMe();
  const manage = can('teams:manage')(me);
  const teams = useTeams();
  const users = useAllUsers();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const names = new Map((users.data ?? []).map((u) => [u.id ?? '', u.displayName ?? u.email ?? '']));
  const nameOf = (id: string | undefined) => (id ? (names.get(id) ?? (users.isPending ? '…' : 'Unknown user')) : '—');
  const items = teams.data ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Teams
        </Title>
        {manage && <Button onClick={() => setEditing('new')}>New team</Button>}
      </Group>
      {teams.isPending ? (
        <LoadingRows label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No teams yet">{manage ? 'Create a team to group people and give it a manager.' : null}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Teams" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Team</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Members</Table.Th>
                {manage && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>{team.name}</Table.Td>
                  <Table.Td>{nameOf(team.managerId)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{(team.memberIds ?? []).map(nameOf).join(', ') || '—'}</Text>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <RowActions
                        name={team.name}
                        onEdit={() => setEditing(team)}
                        destroy={{
                          label: 'Delete',
                          onClick: () => {
                            remove.reset();
                            setDeleting(team);
                          },
                        }}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <TeamDialog team={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'team'}`}
        confirmLabel="Delete team"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Team deleted', message: deleting.name ?? '' });
              setDeleting(null);
            },
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">The team is removed; its members keep their accounts and records.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

const FIELDS = ['name', 'managerId', 'memberIds'];

function TeamDialog({ team, onClose }: { team?: Team; onClose: () => void }) {
  const users = useAllUsers();
  const save = useSaveTeam();
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState<string | null>(team?.managerId ?? null);
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const errors = fieldErrorsOf(save.error);
  const options = (users.data ?? []).map((u) => ({
    value: u.id ?? '',
    label: u.displayName ? `${u.displayName} (${u.email})` : (u.email ?? ''),
  }));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { team, body: { name: name.trim(), memberIds, ...(managerId ? { managerId } : {}) } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: team ? 'Team saved' : 'Team created', message: saved.name ?? '' });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={team ? `Edit ${team.name ?? 'team'}` : 'New team'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} fields={FIELDS} />
          {users.isError && <ErrorState error={users.error} title="Could not load the users" />}
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Select
            label="Manager"
            data={options}
            value={managerId}
            onChange={setManagerId}
            clearable
            searchable
            error={errors.managerId}
          />
          <MultiSelect
            label="Members"
            data={options}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            error={errors.memberIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? 'Save team' : 'Create team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
