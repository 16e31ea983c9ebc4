import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, humanize, RowActions } from './common';
import {
  useDeleteMailbox,
  useMailboxes,
  useMailboxMessages,
  useReadMailboxSoon,
  useSaveMailbox,
  type Mailbox,
  type MailboxSettings,
} from './mailboxQueries';

const PURPOSES = [
  { value: 'replies', label: 'Replies and bounces' },
  { value: 'capture', label: 'Lead capture' },
];

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'RECEIVED', label: 'Waiting' },
  { value: 'LEAD_CREATED', label: 'Lead created' },
  { value: 'MATCHED', label: 'On a known record' },
  { value: 'IGNORED', label: 'Ignored' },
  { value: 'QUARANTINED', label: 'Quarantined' },
];

const STATUS_COLORS: Record<string, string> = {
  RECEIVED: 'gray',
  LEAD_CREATED: 'green',
  MATCHED: 'blue',
  THREADED: 'blue',
  IGNORED: 'gray',
  QUARANTINED: 'red',
};

/** IMAP mailboxes Salesflow reads: replies to sent email, and capture addresses whose mail becomes leads. */
export function MailboxesPage() {
  const mailboxes = useMailboxes();
  const remove = useDeleteMailbox();
  const readSoon = useReadMailboxSoon();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Mailbox | null>(null);
  const [viewing, setViewing] = useState<Mailbox | null>(null);
  const items = mailboxes.data ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Mailboxes
        </Title>
        <Button onClick={() => setEditing('new')}>Connect a mailbox</Button>
      </Group>
      <Text size="sm" c="dimmed">
        Salesflow reads these mailboxes over IMAP without changing them. Mail to a lead capture mailbox from someone new
        becomes a lead; out-of-office answers never do.
      </Text>
      {mailboxes.isPending ? (
        <LoadingRows label="Loading mailboxes" />
      ) : mailboxes.isError ? (
        <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No mailbox connected">Connect the mailbox replies arrive in, or a lead capture address.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Mailboxes" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Last read</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((mailbox) => (
                <Table.Tr key={mailbox.id}>
                  <Table.Td>{mailbox.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {mailbox.username} on {mailbox.host}:{mailbox.port}
                      {mailbox.ssl ? '' : ' (no TLS)'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{PURPOSES.find((p) => p.value === mailbox.purpose)?.label ?? mailbox.purpose}</Table.Td>
                  <Table.Td>{mailbox.lastReadAt ? formatDateTime(mailbox.lastReadAt) : 'Not yet'}</Table.Td>
                  <Table.Td>
                    {!mailbox.enabled ? (
                      <Badge variant="light" color="gray">
                        Paused
                      </Badge>
                    ) : mailbox.lastError ? (
                      <Stack gap={2}>
                        <Badge variant="light" color="red">
                          Failing
                        </Badge>
                        <Text size="xs">{mailbox.lastError}</Text>
                      </Stack>
                    ) : (
                      <Badge variant="light" color="green">
                        Reading
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={mailbox.name}
                      onEdit={() => setEditing(mailbox)}
                      destroy={{ label: 'Disconnect', onClick: () => setDeleting(mailbox) }}
                    >
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`Messages of ${mailbox.name}`}
                        onClick={() => setViewing(mailbox)}
                      >
                        Messages
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`Read ${mailbox.name} now`}
                        loading={readSoon.isPending && readSoon.variables === mailbox.id}
                        onClick={() =>
                          mailbox.id &&
                          readSoon.mutate(mailbox.id, {
                            onSuccess: () =>
                              notifications.show({ message: `${mailbox.name} is read within the next poll` }),
                          })
                        }
                      >
                        Read now
                      </Button>
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {viewing?.id && <MessagesPanel mailbox={viewing} onClose={() => setViewing(null)} />}
      {editing && (
        <MailboxDialog mailbox={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Disconnect ${deleting?.name ?? 'mailbox'}`}
        confirmLabel="Disconnect"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting?.id &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Mailbox disconnected', message: deleting.name ?? '' });
              setDeleting(null);
            },
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">
          Salesflow stops reading it and forgets the messages it read from it. The mailbox itself is not changed.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function MailboxDialog({ mailbox, onClose }: { mailbox?: Mailbox; onClose: () => void }) {
  const save = useSaveMailbox();
  const [name, setName] = useState(mailbox?.name ?? '');
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [ssl, setSsl] = useState(mailbox?.ssl ?? true);
  const [port, setPort] = useState<number | string>(mailbox?.port ?? '');
  const [username, setUsername] = useState(mailbox?.username ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [purpose, setPurpose] = useState<string | null>(mailbox?.purpose ?? 'replies');
  const [enabled, setEnabled] = useState(mailbox?.enabled ?? true);
  const errors = fieldErrorsOf(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: MailboxSettings = {
      name: name.trim(),
      host: host.trim(),
      ssl,
      username: username.trim(),
      folder: folder.trim() || 'INBOX',
      purpose: (purpose ?? undefined) as MailboxSettings['purpose'],
      enabled,
      ...(port === '' ? {} : { port: Number(port) }),
      ...(password ? { password } : {}),
    };
    save.mutate(
      { mailbox, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: mailbox ? 'Mailbox saved' : 'Mailbox connected', message: saved.name ?? '' });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={mailbox ? `Edit ${mailbox.name}` : 'Connect a mailbox'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError
            error={save.error}
            fields={['name', 'host', 'port', 'ssl', 'username', 'password', 'folder', 'purpose', 'enabled']}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Select
            label="Purpose"
            required
            data={PURPOSES}
            value={purpose}
            onChange={setPurpose}
            allowDeselect={false}
            error={errors.purpose}
          />
          <TextInput
            label="IMAP server"
            description="For example imap.gmail.com or outlook.office365.com"
            required
            value={host}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={errors.host}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Port"
              description={ssl ? 'Empty: 993' : 'Empty: 143'}
              min={1}
              max={65535}
              value={port}
              onChange={setPort}
              error={errors.port}
            />
            <Checkbox
              mt={30}
              label="TLS (IMAPS)"
              checked={ssl}
              onChange={(e) => setSsl(e.currentTarget.checked)}
              error={errors.ssl}
            />
          </Group>
          <TextInput
            label="Username"
            required
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.username}
          />
          <PasswordInput
            label="Password"
            description={mailbox ? 'Leave empty to keep the stored password.' : 'An app password where the provider offers one.'}
            required={!mailbox}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <TextInput label="Folder" value={folder} onChange={(e) => setFolder(e.currentTarget.value)} error={errors.folder} />
          <Checkbox label="Read this mailbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {mailbox ? 'Save' : 'Connect'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MessagesPanel({ mailbox, onClose }: { mailbox: Mailbox; onClose: () => void }) {
  const [status, setStatus] = useState('');
  const messages = useMailboxMessages(mailbox.id ?? '', status);
  const items = messages.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <Modal opened onClose={onClose} title={`Messages read from ${mailbox.name}`} size="xl">
      <Stack gap="sm">
        <Select
          label="Status"
          data={STATUSES}
          value={status}
          onChange={(value) => setStatus(value ?? '')}
          allowDeselect={false}
          w={220}
        />
        {messages.isPending ? (
          <LoadingRows label="Loading messages" />
        ) : messages.isError ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No messages">Nothing read from this mailbox{status ? ' with this status' : ''} yet.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`Messages of ${mailbox.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Received</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>What happened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((message) => (
                  <Table.Tr key={message.id}>
                    <Table.Td>{formatDateTime(message.receivedAt)}</Table.Td>
                    <Table.Td>{message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress ?? '—'}</Table.Td>
                    <Table.Td>{message.subject ?? '(no subject)'}</Table.Td>
                    <Table.Td>{humanize(message.kind?.toLowerCase())}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Badge variant="light" color={STATUS_COLORS[message.status ?? ''] ?? 'gray'}>
                          {STATUSES.find((s) => s.value === message.status)?.label ?? humanize(message.status?.toLowerCase())}
                        </Badge>
                        {message.recordId && message.recordType && (
                          <Anchor component={Link} to={`/${message.recordType}s/${message.recordId}`} size="sm">
                            Open the {message.recordType}
                          </Anchor>
                        )}
                        {message.note && <Text size="xs">{message.note}</Text>}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {messages.hasNextPage && (
          <Button variant="default" onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage}>
            Show older messages
          </Button>
        )}
      </Stack>
    </Modal>
  );
}
