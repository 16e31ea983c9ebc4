import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../auth/SessionProvider';
import { can } from '../auth/permissions';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { Incidents } from './components';
import { useProcessDefinitions } from './queries';

/** The process monitor: every process of the workspace with its latest version and counts, and open incidents. */
export function ProcessesPage() {
  const me = useMe();
  const definitions = useProcessDefinitions();
  const designer = can('process:design')(me);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            Processes
          </Title>
          <Text size="sm" c="dimmed">
            What runs in this workspace: instances, incidents, versions.
          </Text>
        </div>
        {designer && (
          <Button component={Link} to="/processes/modeler" variant="light">
            Open the modeler
          </Button>
        )}
      </Group>

      <Card withBorder padding="md" component="section" aria-labelledby="definitions-heading">
        <Title order={2} size="h4" id="definitions-heading" mb="sm">
          Definitions
        </Title>
        {definitions.isPending ? (
          <LoadingRows label="Loading processes" />
        ) : definitions.isError ? (
          <ErrorState error={definitions.error} onRetry={() => void definitions.refetch()} />
        ) : (definitions.data.items ?? []).length === 0 ? (
          <EmptyState title="No processes deployed">Deploy one from the modeler.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Process</Table.Th>
                  <Table.Th>Latest version</Table.Th>
                  <Table.Th>Running</Table.Th>
                  <Table.Th>Suspended</Table.Th>
                  <Table.Th>Incidents</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(definitions.data.items ?? []).map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/processes/${encodeURIComponent(d.key ?? '')}`} fw={500}>
                        {d.name || d.key}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {d.key}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        v{d.version}
                        {d.versionTag ? ` (${d.versionTag})` : ''}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(d.deployedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{d.runningInstances ?? 0}</Table.Td>
                    <Table.Td>{d.suspendedInstances ?? 0}</Table.Td>
                    <Table.Td>
                      {(d.openIncidents ?? 0) > 0 ? (
                        <Badge color="red" variant="light">
                          {d.openIncidents}
                        </Badge>
                      ) : (
                        0
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Counts are of the latest version; a process's page shows every version.
        </Text>
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="incidents-heading">
        <Title order={2} size="h4" id="incidents-heading" mb="sm">
          Open incidents
        </Title>
        <Incidents query={{ limit: 50 }} showProcess />
      </Card>
    </Stack>
  );
}
