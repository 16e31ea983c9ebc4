import { Anchor, Badge, Button, Card, Checkbox, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../api/problem';
import { useMe } from '../auth/SessionProvider';
import { can } from '../auth/permissions';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { Diagram, Incidents, InstanceActions, RecordLink, StateBadge } from './components';
import { activityCounts } from './model';
import {
  useModelXml,
  useProcessInstances,
  useProcessVersions,
  useSuspendVersion,
  type InstanceQuery,
  type ProcessDefinition,
  type ProcessInstance,
} from './queries';

type StateFilter = 'all' | 'running' | 'suspended';

/** One process: its versions with counts, a version's diagram with where instances stand, its instances and incidents. */
export function ProcessPage() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const versions = useProcessVersions(key);
  const list = useMemo(() => versions.data?.items ?? [], [versions.data]);

  const versionParam = params.get('version');
  const state = (params.get('state') as StateFilter | null) ?? 'all';
  const withIncidents = params.get('incidents') === 'true';
  const selected: ProcessDefinition | undefined =
    (versionParam ? list.find((v) => String(v.version) === versionParam) : undefined) ?? list[0];

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  }

  const query: InstanceQuery = {
    processKey: key,
    ...(versionParam ? { version: Number(versionParam) } : {}),
    ...(state !== 'all' ? { state } : {}),
    ...(withIncidents ? { withIncidents: true } : {}),
    limit: 50,
  };

  if (versions.isPending) return <LoadingRows label="Loading the process" rows={6} />;
  if (versions.isError) {
    return (
      <Stack>
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} title="Could not load the process" />
        <Anchor component={Link} to="/processes">
          Back to processes
        </Anchor>
      </Stack>
    );
  }

  const latest = list[0];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/processes" size="sm">
        ← Processes
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {latest?.name || key}
          </Title>
          <Text size="sm" c="dimmed">
            {key} · {list.length} version{list.length === 1 ? '' : 's'}
          </Text>
        </div>
        {can('process:design')(me) && (
          <Button component={Link} to={`/processes/modeler/${encodeURIComponent(key)}`} variant="light">
            Edit in the modeler
          </Button>
        )}
      </Group>

      <Card withBorder padding="md" component="section" aria-labelledby="versions-heading">
        <Title order={2} size="h4" id="versions-heading" mb="sm">
          Versions
        </Title>
        <VersionTable processKey={key} versions={list} selected={selected} onShow={(v) => setParam('version', String(v))} />
      </Card>

      {selected && <VersionDiagram version={selected} />}

      <Card withBorder padding="md" component="section" aria-labelledby="instances-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h4" id="instances-heading">
            Instances
          </Title>
          <Group gap="sm" wrap="wrap">
            <Select
              aria-label="Version"
              size="xs"
              w={140}
              data={[{ value: '', label: 'Every version' }, ...list.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }))]}
              value={versionParam ?? ''}
              onChange={(value) => setParam('version', value ? value : null)}
              allowDeselect={false}
            />
            <SegmentedControl
              size="xs"
              aria-label="State"
              value={state}
              onChange={(value) => setParam('state', value === 'all' ? null : value)}
              data={[
                { value: 'all', label: 'All' },
                { value: 'running', label: 'Running' },
                { value: 'suspended', label: 'Suspended' },
              ]}
            />
            <Checkbox
              size="xs"
              label="With incidents"
              checked={withIncidents}
              onChange={(e) => setParam('incidents', e.currentTarget.checked ? 'true' : null)}
            />
          </Group>
        </Group>
        <InstanceTable query={query} processKey={key} />
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="process-incidents-heading">
        <Title order={2} size="h4" id="process-incidents-heading" mb="sm">
          Incidents
        </Title>
        <Incidents query={{ processKey: key, limit: 50 }} />
      </Card>
    </Stack>
  );
}

function VersionTable({
  processKey,
  versions,
  selected,
  onShow,
}: {
  processKey: string;
  versions: ProcessDefinition[];
  selected: ProcessDefinition | undefined;
  onShow(version: number): void;
}) {
  const suspend = useSuspendVersion();
  const me = useMe();
  const operator = can('process:operate')(me);
  const latest = versions[0];
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Deployed</Table.Th>
            <Table.Th>Running</Table.Th>
            <Table.Th>Suspended</Table.Th>
            <Table.Th>Incidents</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id} bg={v.id === selected?.id ? 'var(--mantine-color-default-hover)' : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  v{v.version}
                  {v.versionTag ? ` (${v.versionTag})` : ''} {v.id === latest?.id && <Badge size="xs">latest</Badge>}
                </Text>
                <Text size="xs" c="dimmed">
                  {v.resourceName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(v.deployedAt)}</Text>
              </Table.Td>
              <Table.Td>{v.runningInstances ?? 0}</Table.Td>
              <Table.Td>{v.suspendedInstances ?? 0}</Table.Td>
              <Table.Td>{v.openIncidents ? <Badge color="red">{v.openIncidents}</Badge> : 0}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => onShow(v.version ?? 0)}>
                    Diagram
                  </Button>
                  {operator && (v.runningInstances ?? 0) > 0 && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() =>
                        suspend.mutate(
                          { id: v.id ?? '', suspend: true },
                          { onError: (e) => notifications.show({ color: 'red', title: 'Not suspended', message: describeError(e) }) },
                        )
                      }
                    >
                      Suspend all
                    </Button>
                  )}
                  {operator && (v.suspendedInstances ?? 0) > 0 && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() =>
                        suspend.mutate(
                          { id: v.id ?? '', suspend: false },
                          { onError: (e) => notifications.show({ color: 'red', title: 'Not resumed', message: describeError(e) }) },
                        )
                      }
                    >
                      Resume all
                    </Button>
                  )}
                  {operator && v.id !== latest?.id && (v.runningInstances ?? 0) + (v.suspendedInstances ?? 0) > 0 && (
                    <Button
                      size="xs"
                      variant="light"
                      component={Link}
                      to={`/processes/${encodeURIComponent(processKey)}/migrate?from=${encodeURIComponent(v.id ?? '')}&to=${encodeURIComponent(latest?.id ?? '')}`}
                    >
                      Migrate…
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The version's diagram with how many of the loaded instances stand where, and where incidents are. */
function VersionDiagram({ version }: { version: ProcessDefinition }) {
  const xml = useModelXml('process', version.id);
  const instances = useProcessInstances({ definitionId: version.id, limit: 200 });
  const loaded = useMemo(() => instances.data?.pages.flatMap((p) => p.items ?? []) ?? [], [instances.data]);
  const counts = useMemo(() => activityCounts(loaded), [loaded]);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="diagram-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="diagram-heading">
          Version {version.version}
        </Title>
        <Text size="xs" c="dimmed">
          Blue: instances waiting there{instances.hasNextPage ? ` (of the ${loaded.length} newest)` : ''}
        </Text>
      </Group>
      {xml.isPending ? (
        <LoadingRows rows={3} label="Loading the diagram" />
      ) : xml.isError ? (
        <ErrorState error={xml.error} onRetry={() => void xml.refetch()} />
      ) : (
        <Diagram xml={xml.data.xml ?? ''} counts={counts} label={`Diagram of version ${version.version}`} />
      )}
    </Card>
  );
}

function currentActivities(instance: ProcessInstance): string {
  return (instance.currentActivityIds ?? []).join(', ') || '—';
}

function InstanceTable({ query, processKey }: { query: InstanceQuery; processKey: string }) {
  const instances = useProcessInstances(query);
  if (instances.isPending) return <LoadingRows label="Loading instances" />;
  if (instances.isError) return <ErrorState error={instances.error} onRetry={() => void instances.refetch()} />;
  const items = instances.data.pages.flatMap((p) => p.items ?? []);
  if (items.length === 0) return <EmptyState title="No instances">None running or suspended with these filters.</EmptyState>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Instance</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Waiting in</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((instance) => (
              <Table.Tr key={instance.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/processes/${encodeURIComponent(processKey)}/instances/${instance.id}`} size="sm">
                    {instance.id?.slice(0, 8)}
                  </Anchor>
                  {(instance.openIncidents ?? 0) > 0 && (
                    <Badge ml={6} size="xs" color="red">
                      {instance.openIncidents} incident{instance.openIncidents === 1 ? '' : 's'}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <RecordLink instance={instance} />
                </Table.Td>
                <Table.Td>v{instance.version}</Table.Td>
                <Table.Td>
                  <StateBadge state={instance.state} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{currentActivities(instance)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(instance.startedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <InstanceActions instance={instance} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {instances.hasNextPage && (
        <Button variant="subtle" onClick={() => void instances.fetchNextPage()} loading={instances.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
