import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, RowActions } from './common';
import { useDeleteRole, usePermissionCatalogue, useRoles, useSaveRole, type Grant, type Role } from './queries';

type Scope = NonNullable<Grant['scope']>;
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'OWN', label: 'Own records' },
  { value: 'TEAM', label: "Team's records" },
  { value: 'ALL', label: 'All records' },
];

/** The super admin role always holds every permission: nobody edits it. */
function readOnly(role: Role): boolean {
  return role.code === 'super_admin';
}

/** Roles and the permissions, with scopes, each grants. */
export function RolesPage() {
  const me = useMe();
  const manage = can('roles:manage')(me);
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const items = roles.data ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Roles and permissions
        </Title>
        {manage && <Button onClick={() => setEditing('new')}>New role</Button>}
      </Group>
      {roles.isPending ? (
        <LoadingRows label="Loading roles" />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No roles" />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Roles" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                <Table.Th>Permissions</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((role) => (
                <Table.Tr key={role.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={600} size="sm">
                        {role.name}
                      </Text>
                      {role.system && (
                        <Badge variant="light" color="gray" size="sm">
                          System
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {role.code}
                      {role.description ? ` · ${role.description}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{(role.permissions ?? []).length}</Table.Td>
                  <Table.Td>
                    <RowActions
                      name={role.name}
                      editLabel={manage && !readOnly(role) ? 'Edit' : 'View'}
                      onEdit={() => setEditing(role)}
                      destroy={
                        manage &&
                        !role.system && {
                          label: 'Delete',
                          onClick: () => {
                            remove.reset();
                            setDeleting(role);
                          },
                        }
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <RoleDialog
          role={editing === 'new' ? undefined : editing}
          editable={manage && (editing === 'new' || !readOnly(editing))}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'role'}`}
        confirmLabel="Delete role"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Role deleted', message: deleting.name ?? '' });
              setDeleting(null);
            },
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">The role is removed for good. A role that users still hold cannot be deleted.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

const FIELDS = ['code', 'name', 'description', 'permissions'];

function RoleDialog({ role, editable, onClose }: { role?: Role; editable: boolean; onClose: () => void }) {
  const catalogue = usePermissionCatalogue();
  const save = useSaveRole();
  const [code, setCode] = useState(role?.code ?? '');
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [grants, setGrants] = useState<Map<string, Scope | undefined>>(
    () => new Map((role?.permissions ?? []).map((g) => [g.permission ?? '', g.scope])),
  );
  const errors = fieldErrorsOf(save.error);
  const title = role ? `${editable ? 'Edit' : 'View'} ${role.name ?? 'role'}` : 'New role';

  function toggle(permission: string, scoped: boolean, on: boolean) {
    setGrants((current) => {
      const next = new Map(current);
      if (on) next.set(permission, scoped ? 'OWN' : undefined);
      else next.delete(permission);
      return next;
    });
  }

  function setScope(permission: string, scope: Scope) {
    setGrants((current) => new Map(current).set(permission, scope));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const order = (catalogue.data ?? []).map((p) => p.code ?? '');
    const permissions = [...grants.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([permission, scope]) => (scope ? { permission, scope } : { permission }));
    save.mutate(
      { role, body: { code: code.trim(), name: name.trim(), description: description.trim(), permissions } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: role ? 'Role saved' : 'Role created', message: saved.name ?? '' });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} fields={FIELDS} />
          {role?.system && (
            <Text size="sm" c="dimmed">
              A system role: its code stays and it cannot be deleted{editable ? ', but its permissions may change' : ''}.
            </Text>
          )}
          <TextInput
            label="Code"
            description={role ? undefined : 'Lower-case letters, digits and _, e.g. regional_lead'}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            readOnly={Boolean(role) || !editable}
            error={errors.code}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            readOnly={!editable}
            error={errors.name}
          />
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            readOnly={!editable}
            error={errors.description}
            autosize
            minRows={1}
          />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text fw={600} size="sm">
                Permissions
              </Text>
            </legend>
            {errors.permissions && (
              <Text c="red" size="sm" role="alert">
                {errors.permissions}
              </Text>
            )}
            {catalogue.isPending ? (
              <LoadingRows label="Loading permissions" rows={3} />
            ) : catalogue.isError ? (
              <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
            ) : (
              <Stack gap={6} mt="xs">
                {(catalogue.data ?? []).map((p) => {
                  const permission = p.code ?? '';
                  const held = grants.has(permission);
                  return (
                    <Group key={permission} justify="space-between" wrap="wrap" gap="xs">
                      <Checkbox
                        label={permission}
                        description={p.description}
                        checked={held}
                        disabled={!editable}
                        onChange={(e) => toggle(permission, Boolean(p.scoped), e.currentTarget.checked)}
                      />
                      {p.scoped && held && (
                        <NativeSelect
                          aria-label={`Scope of ${permission}`}
                          size="xs"
                          data={SCOPES}
                          value={grants.get(permission) ?? 'OWN'}
                          disabled={!editable}
                          onChange={(e) => setScope(permission, e.currentTarget.value as Scope)}
                        />
                      )}
                    </Group>
                  );
                })}
              </Stack>
            )}
          </fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {editable ? 'Cancel' : 'Close'}
            </Button>
            {editable && (
              <Button type="submit" loading={save.isPending}>
                {role ? 'Save role' : 'Create role'}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
