import { Alert, Anchor, Badge, Button, Card, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../api/problem';
import { ErrorState, LoadingRows } from '../common/states';
import { activitiesOf, defaultPlan, instructionsOf, type FlowActivity, type MigrationPlan } from './model';
import { useMigrate, useModelXml, useProcessVersions, type MigrationReport, type ProcessDefinition } from './queries';

/** The report of a migration call, from its answer or from the problem of a refused one (planFailures, notMigratable). */
function reportOf(error: unknown): Partial<MigrationReport> | null {
  if (!(error instanceof ApiError)) return null;
  const problem = error.problem as Partial<MigrationReport> & { migratable?: string[] };
  return { planFailures: problem.planFailures, notMigratable: problem.notMigratable, instanceIds: problem.migratable };
}

const NONE = '';

/** Moves the instances of one version of a process to another: the plan, a dry run, then the migration. */
export function MigrationPage() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const versions = useProcessVersions(key);
  const list = useMemo(() => versions.data?.items ?? [], [versions.data]);
  const source = list.find((v) => v.id === params.get('from')) ?? list[1];
  const target = list.find((v) => v.id === params.get('to')) ?? list[0];

  function choose(name: 'from' | 'to', id: string | null) {
    const next = new URLSearchParams(params);
    if (id) next.set(name, id);
    setParams(next, { replace: true });
  }

  if (versions.isPending) return <LoadingRows label="Loading versions" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;

  const options = list.map((v) => ({
    value: v.id ?? '',
    label: `Version ${v.version} · ${(v.runningInstances ?? 0) + (v.suspendedInstances ?? 0)} instance(s)`,
  }));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/processes/${encodeURIComponent(key)}`} size="sm">
        ← {key}
      </Anchor>
      <Title order={1} size="h2">
        Migrate instances of {key}
      </Title>
      <Group align="flex-end">
        <Select label="From version" data={options} value={source?.id ?? null} onChange={(id) => choose('from', id)} allowDeselect={false} w={280} />
        <Select label="To version" data={options} value={target?.id ?? null} onChange={(id) => choose('to', id)} allowDeselect={false} w={280} />
      </Group>
      {source && target && source.id !== target.id ? (
        <Plan key={`${source.id}>${target.id}`} source={source} target={target} />
      ) : (
        <Alert color="gray">Choose two different versions.</Alert>
      )}
    </Stack>
  );
}

function Plan({ source, target }: { source: ProcessDefinition; target: ProcessDefinition }) {
  const sourceXml = useModelXml('process', source.id);
  const targetXml = useModelXml('process', target.id);
  if (sourceXml.isPending || targetXml.isPending) return <LoadingRows label="Loading both versions" />;
  if (sourceXml.isError) return <ErrorState error={sourceXml.error} onRetry={() => void sourceXml.refetch()} />;
  if (targetXml.isError) return <ErrorState error={targetXml.error} onRetry={() => void targetXml.refetch()} />;
  return (
    <PlanEditor
      source={source}
      target={target}
      sourceActivities={activitiesOf(sourceXml.data.xml ?? '')}
      targetActivities={activitiesOf(targetXml.data.xml ?? '')}
    />
  );
}

/** The mapping of activities (same id by default), the dry run's answer, and the migration it allows. */
export function PlanEditor({
  source,
  target,
  sourceActivities,
  targetActivities,
}: {
  source: ProcessDefinition;
  target: ProcessDefinition;
  sourceActivities: FlowActivity[];
  targetActivities: FlowActivity[];
}) {
  const navigate = useNavigate();
  const [plan, setPlan] = useState<MigrationPlan>(() => defaultPlan(sourceActivities, targetActivities));
  const dryRun = useMigrate();
  const migrate = useMigrate();
  /** The plan the shown dry run was made for: a changed plan needs a new dry run. */
  const [triedPlan, setTriedPlan] = useState<string | null>(null);
  const instructions = instructionsOf(plan);
  const signature = JSON.stringify(instructions);
  const targetIds = new Set(targetActivities.map((a) => a.id));

  const report: Partial<MigrationReport> | null = dryRun.data ?? reportOf(dryRun.error);
  const current = triedPlan === signature && report !== null;
  const movable = report?.instanceIds ?? [];
  const cannot = report?.notMigratable ?? [];
  const planFailures = report?.planFailures ?? [];
  const canMigrate = current && planFailures.length === 0 && movable.length > 0 && !migrate.isPending;

  const body = { sourceDefinitionId: source.id, targetDefinitionId: target.id, instructions };

  function runDry() {
    setTriedPlan(signature);
    migrate.reset();
    dryRun.mutate({ ...body, dryRun: true });
  }

  function runMigration() {
    migrate.mutate(
      { ...body, dryRun: false, instanceIds: movable },
      {
        onSuccess: (done) => {
          notifications.show({
            color: 'green',
            title: 'Instances migrated',
            message: `${done.count ?? movable.length} instance(s) moved to version ${done.targetVersion ?? target.version}.`,
          });
          navigate(`/processes/${encodeURIComponent(source.key ?? '')}?version=${target.version}`);
        },
      },
    );
  }

  const targetOptions = (from: string) => [
    ...(targetIds.has(from) ? [] : [{ value: NONE, label: '— not mapped —' }]),
    ...targetActivities.map((a) => ({ value: a.id, label: a.name === a.id ? a.id : `${a.name} (${a.id})` })),
  ];

  return (
    <Stack gap="md">
      <Card withBorder padding="md" component="section" aria-labelledby="plan-heading">
        <Title order={2} size="h4" id="plan-heading" mb="xs">
          Plan: version {source.version} → version {target.version}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Activities with the same id in both versions map to each other; map the others where instances may wait.
        </Text>
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>In version {source.version}</Table.Th>
                <Table.Th>Moves to</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sourceActivities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm">{a.name}</Text>
                    <Text size="xs" c="dimmed">
                      {a.id} · {a.type}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Target of ${a.id}`}
                      data={targetOptions(a.id)}
                      value={plan[a.id] ?? NONE}
                      onChange={(to) => setPlan({ ...plan, [a.id]: to ? to : null })}
                      allowDeselect={false}
                      searchable
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end" mt="md">
          <Button onClick={runDry} loading={dryRun.isPending} variant="light">
            Dry run
          </Button>
        </Group>
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="dry-run-heading">
        <Title order={2} size="h4" id="dry-run-heading" mb="xs">
          What would move
        </Title>
        {!current ? (
          <Text size="sm" c="dimmed">
            {triedPlan === null ? 'Run a dry run to see what would move; nothing is changed by it.' : 'The plan changed: run the dry run again.'}
          </Text>
        ) : dryRun.isError && planFailures.length === 0 && cannot.length === 0 ? (
          <ErrorState error={dryRun.error} title="The dry run failed" />
        ) : (
          <Stack gap="sm" aria-label="Dry run result">
            {planFailures.length > 0 && (
              <Alert color="red" title="The versions cannot be mapped like this">
                <List size="sm">
                  {planFailures.map((f, i) => (
                    <List.Item key={i}>
                      {f.from ?? '?'} → {f.to ?? '?'}: {(f.failures ?? []).join('; ')}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {planFailures.length === 0 && (
              <Text size="sm" component="div">
                <Badge color="green" mr="xs">
                  {movable.length}
                </Badge>
                instance(s) would move.
              </Text>
            )}
            {cannot.length > 0 && (
              <Alert color="yellow" title={`${cannot.length} instance(s) cannot move as they stand`}>
                <List size="sm">
                  {cannot.map((n) => (
                    <List.Item key={n.instanceId}>
                      {n.instanceId}: {(n.failures ?? []).join('; ')}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  Migrating moves only the {movable.length} that can; the others stay on version {source.version}.
                </Text>
              </Alert>
            )}
          </Stack>
        )}
        {migrate.isError && (
          <Alert color="red" mt="sm" title="Nothing was migrated" role="alert">
            {describeError(migrate.error)}
          </Alert>
        )}
        <Group justify="flex-end" mt="md">
          <Button color="blue" disabled={!canMigrate} loading={migrate.isPending} onClick={runMigration}>
            {canMigrate ? `Migrate ${movable.length} instance(s)` : 'Migrate'}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
