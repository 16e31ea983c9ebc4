import { Anchor, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Me } from '../api/types';
import { can } from '../auth/permissions';
import { urgency } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { usePipelines } from '../pipeline/queries';
import { ScoreBadge } from '../records/config';
import { recordOwner, recordPath, recordTitle, useAssignableUsers } from '../records/queries';
import { BoundedCaption, DashCard, LIST_STYLE } from './Cards';
import {
  hasTeam,
  TEAM_HOT_LEADS,
  TEAM_SAMPLE,
  useMyTeams,
  useTeamHotNewLeads,
  useTeamOpenDeals,
  useTeamTasks,
  type MyTeams,
} from './queries';

const TeamPipelineChart = lazy(async () => ({ default: (await import('./TeamPipelineChart')).TeamPipelineChart }));

function TeamPipeline({ teams }: { teams: MyTeams }) {
  const deals = useTeamOpenDeals(teams);
  const pipelines = usePipelines();
  return (
    <DashCard id="dash-team-pipeline" title="Team pipeline by stage and rep">
      {deals.isPending || pipelines.isPending ? (
        <Skeleton height={260} aria-label="Loading the team's pipeline" />
      ) : deals.isError || pipelines.isError ? (
        <ErrorState
          error={deals.error ?? pipelines.error}
          onRetry={() => {
            void deals.refetch();
            void pipelines.refetch();
          }}
        />
      ) : deals.data.deals.length === 0 ? (
        <EmptyState title="No open deals">Your team's open deals show up here by stage and rep.</EmptyState>
      ) : (
        <Suspense fallback={<Skeleton height={260} />}>
          <TeamPipelineChart deals={deals.data.deals} pipelines={pipelines.data} />
          {deals.data.partial && <BoundedCaption>Counted from the team's first {TEAM_SAMPLE} open deals.</BoundedCaption>}
        </Suspense>
      )}
    </DashCard>
  );
}

function TeamTasks({ me }: { me: Me }) {
  const tasks = useTeamTasks();
  const users = useAssignableUsers(can('users:read')(me));
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName ?? u.email ?? '']));
  const now = new Date();
  const perRep = new Map<string, { open: number; overdue: number }>();
  for (const t of tasks.data?.items ?? []) {
    const rep = t.assignee ? (names.get(t.assignee) ?? 'Unknown user') : 'Not assigned';
    const row = perRep.get(rep) ?? { open: 0, overdue: 0 };
    row.open += 1;
    if (urgency(t.due, now) === 'overdue') row.overdue += 1;
    perRep.set(rep, row);
  }
  const rows = [...perRep.entries()].sort((a, b) => b[1].open - a[1].open || a[0].localeCompare(b[0]));
  return (
    <DashCard
      id="dash-team-tasks"
      title="Open tasks per rep"
      action={
        <Anchor component={Link} to="/tasks" size="sm">
          All tasks
        </Anchor>
      }
    >
      {tasks.isPending ? (
        <LoadingRows rows={3} label="Loading the team's tasks" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No open tasks">Nobody in your team has an open task.</EmptyState>
      ) : (
        <>
          <Table striped withTableBorder fz="sm" aria-label="Open tasks per rep">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Rep</Table.Th>
                <Table.Th scope="col" ta="right">
                  Open
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Overdue
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([rep, row]) => (
                <Table.Tr key={rep}>
                  <Table.Th scope="row" fw={500}>
                    {rep}
                  </Table.Th>
                  <Table.Td ta="right">{row.open}</Table.Td>
                  <Table.Td ta="right" c={row.overdue > 0 ? 'red' : undefined}>
                    {row.overdue}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {tasks.data.nextCursor && <BoundedCaption>Counted from the team's first {TEAM_SAMPLE} open tasks.</BoundedCaption>}
        </>
      )}
    </DashCard>
  );
}

function TeamHotLeads({ teams }: { teams: MyTeams }) {
  const leads = useTeamHotNewLeads(teams);
  const items = leads.data?.items ?? [];
  return (
    <DashCard id="dash-team-hot" title="Hot leads not yet contacted">
      {leads.isPending ? (
        <LoadingRows rows={3} label="Loading the team's hot leads" />
      ) : leads.isError ? (
        <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="All contacted">Every hot lead of your team has been contacted.</EmptyState>
      ) : (
        <>
          <Stack gap="xs" component="ul" style={LIST_STYLE} aria-label="Team's hot leads with status new, highest score first">
            {items.map((lead) => (
              <Group component="li" key={lead.id} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={recordPath('lead', lead.id)} size="sm" truncate>
                    {recordTitle('lead', lead)}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {recordOwner(lead) ?? 'No owner'}
                  </Text>
                </Stack>
                <ScoreBadge score={lead.score} band={lead.scoreBand} />
              </Group>
            ))}
          </Stack>
          {leads.data.nextCursor && <BoundedCaption>The {TEAM_HOT_LEADS} highest-scoring ones; there are more.</BoundedCaption>}
        </>
      )}
    </DashCard>
  );
}

/** A manager's view of the team: pipeline per rep, tasks per rep, hot leads nobody has called. */
export function TeamSection({ me }: { me: Me }) {
  const teams = useMyTeams(me, can('users:read')(me));
  const names = teams.data?.names.filter(Boolean).join(', ') || (me.teams ?? []).map((t) => t.name).join(', ');
  return (
    <Stack gap="md" component="section" aria-labelledby="dash-team">
      <Title order={2} size="h3" id="dash-team">
        My team{names ? `: ${names}` : ''}
      </Title>
      {teams.isPending ? (
        <LoadingRows rows={2} label="Loading your teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : !hasTeam(teams.data) ? (
        <EmptyState title="No team">You lead no team with members yet.</EmptyState>
      ) : (
        <>
          {can('deals:read')(me) && <TeamPipeline teams={teams.data} />}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {can('tasks:work')(me) && <TeamTasks me={me} />}
            {can('leads:read')(me) && <TeamHotLeads teams={teams.data} />}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
