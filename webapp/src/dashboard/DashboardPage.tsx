import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useOverviewApprovals, usePipelines } from '../approvals/queries';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { formatMoney } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { DueBadge, TaskRecordLink } from '../tasks/TaskListPage';
import { useOverviewTasks } from '../tasks/queries';
import { HotLeads, RecentActivity, UpcomingMeetings } from './Cards';
import { DEAL_SAMPLE, seesTeam, useMyOpenDeals } from './queries';
import { TeamSection } from './TeamSection';

const PipelineChart = lazy(async () => ({ default: (await import('./PipelineChart')).PipelineChart }));
const TOP = 5;

function Count({ value, more }: { value: number; more: boolean }) {
  return (
    <Text fz={36} fw={750} lh={1}>
      {value}
      {more ? '+' : ''}
    </Text>
  );
}

function MyTasks() {
  const me = useMe();
  const tasks = useOverviewTasks();
  const mine = (tasks.data?.items ?? []).filter((t) => t.assignee === me.id || !t.assignee);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dash-tasks">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="dash-tasks">
          My open tasks
        </Title>
        <Anchor component={Link} to="/tasks" size="sm">
          All tasks
        </Anchor>
      </Group>
      {tasks.isPending ? (
        <LoadingRows rows={3} label="Loading tasks" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : mine.length === 0 ? (
        <EmptyState title="All done">No open tasks for you.</EmptyState>
      ) : (
        <Stack gap="sm">
          <Count value={mine.length} more={Boolean(tasks.data.nextCursor)} />
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {mine.slice(0, TOP).map((t) => (
              <Group component="li" key={t.id} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} miw={0}>
                  <Anchor component={Link} to={`/tasks/${t.id}`} size="sm" truncate>
                    {t.name}
                  </Anchor>
                  {t.record?.id && <TaskRecordLink task={t} size="xs" />}
                </Stack>
                <DueBadge due={t.due} />
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}

function MyApprovals() {
  const approvals = useOverviewApprovals(true);
  const items = approvals.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dash-approvals">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="dash-approvals">
          Approvals waiting
        </Title>
        <Anchor component={Link} to="/approvals" size="sm">
          Approval inbox
        </Anchor>
      </Group>
      {approvals.isPending ? (
        <LoadingRows rows={3} label="Loading approvals" />
      ) : approvals.isError ? (
        <ErrorState error={approvals.error} onRetry={() => void approvals.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing to decide">No deals wait for your approval.</EmptyState>
      ) : (
        <Stack gap="sm">
          <Count value={items.length} more={Boolean(approvals.data.nextCursor)} />
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.slice(0, TOP).map((a) => (
              <Group component="li" key={a.taskId} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate>
                  {a.dealName}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatMoney(a.amount, a.currency)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}

function Pipeline() {
  const me = useMe();
  const deals = useMyOpenDeals(me.id);
  const pipelines = usePipelines();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dash-pipeline">
      <Title order={2} size="h4" id="dash-pipeline" mb="sm">
        My pipeline by stage
      </Title>
      {deals.isPending || pipelines.isPending ? (
        <Skeleton height={260} aria-label="Loading the pipeline" />
      ) : deals.isError || pipelines.isError ? (
        <ErrorState
          error={deals.error ?? pipelines.error}
          onRetry={() => {
            void deals.refetch();
            void pipelines.refetch();
          }}
        />
      ) : deals.data.deals.length === 0 ? (
        <EmptyState title="No open deals">Deals you own show up here by stage.</EmptyState>
      ) : (
        <Suspense fallback={<Skeleton height={260} />}>
          <PipelineChart deals={deals.data.deals} pipelines={pipelines.data} />
          {deals.data.partial && (
            <Text size="xs" c="dimmed" mt="xs">
              Counted from your first {DEAL_SAMPLE} open deals.
            </Text>
          )}
        </Suspense>
      )}
    </Card>
  );
}

/**
 * What needs me today: open tasks, approvals waiting, my pipeline, hot leads, meetings and recent activity; a
 * manager (team scope) also sees the team.
 */
export function DashboardPage() {
  const me = useMe();
  const approver = can('deals:approve', 'tasks:work')(me);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Hello, {me.displayName?.split(' ')[0] ?? 'there'}
      </Title>
      <SimpleGrid cols={{ base: 1, md: approver ? 2 : 1 }}>
        {can('tasks:work')(me) && <MyTasks />}
        {approver && <MyApprovals />}
      </SimpleGrid>
      {can('deals:read')(me) && <Pipeline />}
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {can('leads:read')(me) && <HotLeads />}
        {can('activities:read')(me) && <UpcomingMeetings />}
        {can('activities:read')(me) && <RecentActivity />}
      </SimpleGrid>
      {seesTeam(me) && <TeamSection me={me} />}
    </Stack>
  );
}
