import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/problem';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, humanize, RowActions } from './common';
import { useChangeUser, useCreateUser, useRoles, useUsers, type User } from './queries';

function useRoleOptions() {
  const roles = useRoles();
  return (roles.data ?? []).map((r) => ({ value: r.code ?? '', label: r.name ?? humanize(r.code) }));
}

/** The workspace's users: invite, change roles, deactivate. */
export function UsersPage() {
  const me = useMe();
  const manage = can('users:manage')(me);
  const users = useUsers();
  const change = useChangeUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const items = users.data?.pages.flatMap((p) => p.items ?? []) ?? [];

  function setStatus(user: User, status: 'ACTIVE' | 'DEACTIVATED') {
    change.mutate(
      { user, change: { status } },
      {
        onSuccess: () => {
          setDeactivating(null);
          notifications.show({
            color: 'green',
            title: status === 'ACTIVE' ? 'Reactivated' : 'Deactivated',
            message: user.displayName ?? user.email ?? '',
          });
        },
        onError: (error) => {
          if (status === 'ACTIVE') notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) });
        },
      },
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Users
        </Title>
        {manage && <Button onClick={() => setCreating(true)}>New user</Button>}
      </Group>

      {users.isPending ? (
        <LoadingRows label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No users yet" />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Users" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Teams</Table.Th>
                <Table.Th>Status</Table.Th>
                {manage && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((user) => {
                const active = user.status !== 'DEACTIVATED';
                const name = user.displayName ?? user.email ?? '';
                return (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{(user.roles ?? []).map(humanize).join(', ') || '—'}</Table.Td>
                    <Table.Td>{(user.teams ?? []).map((t) => t.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={active ? 'green' : 'gray'} variant="light">
                        {humanize(user.status?.toLowerCase())}
                      </Badge>
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <RowActions
                          name={name}
                          onEdit={() => setEditing(user)}
                          destroy={
                            active && {
                              label: 'Deactivate',
                              onClick: () => {
                                change.reset();
                                setDeactivating(user);
                              },
                            }
                          }
                        >
                          {!active && (
                            <Button size="xs" variant="subtle" onClick={() => setStatus(user, 'ACTIVE')} aria-label={`Reactivate ${name}`}>
                              Reactivate
                            </Button>
                          )}
                        </RowActions>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.hasNextPage && (
        <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
          Load more
        </Button>
      )}

      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
      {editing && <EditUserDialog user={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deactivating !== null}
        title={`Deactivate ${deactivating?.displayName ?? 'user'}`}
        confirmLabel="Deactivate"
        busy={change.isPending}
        error={change.error}
        onConfirm={() => deactivating && setStatus(deactivating, 'DEACTIVATED')}
        onCancel={() => setDeactivating(null)}
      >
        <Text size="sm">
          {deactivating?.email} can no longer sign in and their sessions end. Their records stay; you can reactivate
          them later.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

const CREATE_FIELDS = ['email', 'displayName', 'password', 'roles'];

function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateUser();
  const roleOptions = useRoleOptions();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), password, roles },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'green', title: 'User created', message: user.email ?? '' });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title="New user">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} fields={CREATE_FIELDS} />
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            data-autofocus
          />
          <TextInput
            label="Name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
          />
          <PasswordInput
            label="Initial password"
            description="Share it with them safely; they can change it after signing in."
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <MultiSelect
            label="Roles"
            required
            data={roleOptions}
            value={roles}
            onChange={setRoles}
            error={errors.roles}
            searchable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const EDIT_FIELDS = ['displayName', 'roles', 'password', 'status'];

function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const change = useChangeUser();
  const roleOptions = useRoleOptions();
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [roles, setRoles] = useState<string[]>(user.roles ?? []);
  const errors = fieldErrorsOf(change.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(
      { user, change: { displayName: displayName.trim(), roles } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Saved', message: displayName });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={`Edit ${user.displayName ?? user.email ?? 'user'}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={change.error} fields={EDIT_FIELDS} />
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
          <TextInput
            label="Name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
            data-autofocus
          />
          <MultiSelect label="Roles" data={roleOptions} value={roles} onChange={setRoles} error={errors.roles} searchable />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
