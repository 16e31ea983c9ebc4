import { Badge, Button, Code, Group, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useAllUsers, useAuditLog, useSecurityEvents, type AuditFilters } from './queries';

/** Who changed what (audit log), and sign-ins and other security events, newest first. */
export function AuditPage() {
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Audit log and security events
      </Title>
      <Tabs defaultValue="audit" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
          <Tabs.Tab value="security">Security events</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="audit" pt="md">
          <AuditLog />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="md">
          <SecurityEvents />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function json(value: unknown): string {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}

function AuditLog() {
  const [draft, setDraft] = useState<AuditFilters>({ resourceType: '', resourceId: '' });
  const [filters, setFilters] = useState<AuditFilters>(draft);
  const log = useAuditLog(filters);
  const items = log.data?.pages.flatMap((p) => p.items ?? []) ?? [];

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({ resourceType: draft.resourceType.trim(), resourceId: draft.resourceId.trim() });
  }

  return (
    <Stack gap="md">
      <form onSubmit={apply} aria-label="Filter the audit log">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Resource type"
            placeholder="e.g. user, role, deal"
            value={draft.resourceType}
            onChange={(e) => setDraft({ ...draft, resourceType: e.currentTarget.value })}
          />
          <TextInput
            label="Resource ID"
            value={draft.resourceId}
            onChange={(e) => setDraft({ ...draft, resourceId: e.currentTarget.value })}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      {log.isPending ? (
        <LoadingRows label="Loading the audit log" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No audit entries">Nothing was recorded for these filters.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Audit log" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Resource</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{formatDateTime(entry.occurredAt)}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.resourceType}</Text>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {entry.resourceId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actorType}</Text>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {entry.actorId}
                      {entry.ipAddress ? ` · ${entry.ipAddress}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <details>
                      <summary>Before and after</summary>
                      <Text size="xs" fw={600} mt={4}>
                        Before
                      </Text>
                      <Code block>{json(entry.before)}</Code>
                      <Text size="xs" fw={600} mt={4}>
                        After
                      </Text>
                      <Code block>{json(entry.after)}</Code>
                      {entry.requestId && (
                        <Text size="xs" c="dimmed" mt={4}>
                          Request {entry.requestId}
                        </Text>
                      )}
                    </details>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Load older entries
        </Button>
      )}
    </Stack>
  );
}

function SecurityEvents() {
  const me = useMe();
  const pickUsers = can('users:read')(me);
  const users = useAllUsers(pickUsers);
  const [draft, setDraft] = useState('');
  const [userId, setUserId] = useState('');
  const events = useSecurityEvents(userId);
  const items = events.data?.pages.flatMap((p) => p.items ?? []) ?? [];

  function apply(event: FormEvent) {
    event.preventDefault();
    setUserId(draft.trim());
  }

  return (
    <Stack gap="md">
      <form onSubmit={apply} aria-label="Filter the security events">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {pickUsers ? (
            <Select
              label="User"
              placeholder="Everyone"
              data={(users.data ?? []).map((u) => ({ value: u.id ?? '', label: u.email ?? '' }))}
              value={draft || null}
              onChange={(value) => setDraft(value ?? '')}
              searchable
              clearable
            />
          ) : (
            <TextInput label="User ID" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
          )}
          <Button type="submit">Search</Button>
        </Group>
      </form>
      {events.isPending ? (
        <LoadingRows label="Loading security events" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No security events" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Security events" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDateTime(event.occurredAt)}</Table.Td>
                  <Table.Td>
                    <Code>{event.eventType}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={/fail|denied|locked|reject/i.test(event.outcome ?? '') ? 'red' : 'green'}>
                      {event.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{event.email ?? event.userId ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.ipAddress ?? '—'}</Text>
                    {event.userAgent && (
                      <Text size="xs" c="dimmed" lineClamp={1} title={event.userAgent}>
                        {event.userAgent}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{event.detail ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          Load older events
        </Button>
      )}
    </Stack>
  );
}
