import { Anchor, Card, Code, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { Diagram, IncidentTable, InstanceActions, RecordLink, StateBadge } from './components';
import { useModelXml, useProcessInstance } from './queries';

function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** One instance: where it stands on its diagram, what it went through, its incidents and values; suspend, resume, cancel. */
export function InstancePage() {
  const { key = '', id = '' } = useParams();
  const instance = useProcessInstance(id);
  const xml = useModelXml('process', instance.data?.definitionId);
  const incidentsByActivity = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const incident of instance.data?.incidents ?? []) {
      const at = incident.failedActivityId ?? incident.activityId;
      if (at) counts[at] = (counts[at] ?? 0) + 1;
    }
    return counts;
  }, [instance.data]);
  const current = useMemo(() => instance.data?.currentActivityIds ?? [], [instance.data]);

  const back = (
    <Anchor component={Link} to={`/processes/${encodeURIComponent(key)}`} size="sm">
      ← {key}
    </Anchor>
  );
  if (instance.isPending) return <LoadingRows label="Loading the instance" rows={6} />;
  if (instance.isError) {
    return (
      <Stack>
        <ErrorState error={instance.error} onRetry={() => void instance.refetch()} title="Could not load the instance" />
        {back}
      </Stack>
    );
  }
  const view = instance.data;
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {view.processName || view.processKey} · v{view.version}
          </Title>
          <Group gap="xs">
            <StateBadge state={view.state} />
            <Text size="sm" c="dimmed">
              {view.id} · started {formatDateTime(view.startedAt)}
              {view.endedAt ? ` · ended ${formatDateTime(view.endedAt)}` : ''}
            </Text>
          </Group>
          <Group gap="xs" mt={4}>
            <Text size="sm">Record:</Text>
            <RecordLink instance={view} />
          </Group>
          {view.deleteReason && (
            <Text size="sm" mt={4}>
              Ended because: {view.deleteReason}
            </Text>
          )}
        </div>
        <InstanceActions instance={view} />
      </Group>

      <Card withBorder padding="md" component="section" aria-labelledby="instance-diagram-heading">
        <Title order={2} size="h4" id="instance-diagram-heading" mb="sm">
          Where it stands
        </Title>
        <Text size="sm" mb="xs">
          Waiting in: {current.join(', ') || '—'}
        </Text>
        {xml.isPending ? (
          <LoadingRows rows={3} label="Loading the diagram" />
        ) : xml.isError ? (
          <ErrorState error={xml.error} onRetry={() => void xml.refetch()} />
        ) : (
          <Diagram xml={xml.data.xml ?? ''} current={current} incidents={incidentsByActivity} label={`Diagram of the instance, waiting in ${current.join(', ') || 'nothing'}`} />
        )}
      </Card>

      {(view.incidents ?? []).length > 0 && (
        <Card withBorder padding="md" component="section" aria-labelledby="instance-incidents-heading">
          <Title order={2} size="h4" id="instance-incidents-heading" mb="sm">
            Incidents
          </Title>
          <IncidentTable incidents={view.incidents ?? []} />
        </Card>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="activities-heading">
            <Title order={2} size="h4" id="activities-heading" mb="sm">
              Activities
            </Title>
            {(view.activities ?? []).length === 0 ? (
              <EmptyState title="No activities recorded" />
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Activity</Table.Th>
                      <Table.Th>Started</Table.Th>
                      <Table.Th>Ended</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(view.activities ?? []).map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Text size="sm">{a.activityName || a.activityId}</Text>
                          <Text size="xs" c="dimmed">
                            {a.activityType}
                            {a.canceled ? ' · cancelled' : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(a.startedAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.endedAt ? formatDateTime(a.endedAt) : 'waiting'}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {view.activitiesTruncated && (
              <Text size="xs" c="dimmed" mt="xs">
                Only the first activities are shown.
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="variables-heading">
            <Title order={2} size="h4" id="variables-heading" mb="sm">
              Values
            </Title>
            {(view.variables ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                None.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing={4}>
                  <Table.Tbody>
                    {(view.variables ?? []).map((v) => (
                      <Table.Tr key={v.name}>
                        <Table.Td>
                          <Text size="sm">{v.name}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Code>{value(v.value)}</Code>
                          <Text size="xs" c="dimmed">
                            {v.type}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
