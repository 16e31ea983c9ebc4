import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  CheckIcon,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { ApiError, describeError, sentence } from '../api/problem';
import { useOverviewApprovals, usePipelines } from '../approvals/queries';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { appPath } from '../common/appPath';
import { formatMoney } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { recordPath } from '../records/queries';
import { DueBadge, TaskRecordLink } from '../tasks/TaskListPage';
import { useOverviewTasks } from '../tasks/queries';
import { ActivitySubject, DashCard, HotLeads, LIST_STYLE, RecentActivity, RecordLink, UpcomingMeetings } from './Cards';
import { DEAL_SAMPLE, linkedRecord, seesTeam, useCompleteToDo, useMyOpenDeals, useMyToDos, type Activity } from './queries';
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

// The darkest red keeps small bold badge text at a 4.5:1 contrast (WCAG AA) filled and outlined alike.
const PRIORITY_VARIANT: Record<string, string> = { urgent: 'filled', high: 'outline' };

/** A marker on high (outlined) and urgent (filled) work; nothing for normal or low. */
function PriorityMarker({ priority }: { priority: string | null | undefined }) {
  const variant = priority ? PRIORITY_VARIANT[priority] : undefined;
  if (!variant) return null;
  return (
    <Badge color="red.9" variant={variant} style={{ flexShrink: 0 }}>
      {priority}
      <VisuallyHidden> priority</VisuallyHidden>
    </Badge>
  );
}

/** Why a to-do could not be marked done: the problem's own words for a refusal, else the usual message. */
function whyNotDone(error: unknown): string {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.problem.detail) {
    return sentence(error.problem.detail);
  }
  return describeError(error);
}

/** Marks a to-do done; the row leaves once my to-dos are read again. Someone else's change meanwhile (412) is said. */
function MarkDone({ activity, subject }: { activity: Activity; subject: string }) {
  const me = useMe();
  const complete = useCompleteToDo(me.id);
  const label = `Mark "${subject}" done`;

  async function markDone() {
    try {
      await complete.mutateAsync(activity);
      notifications.show({ color: 'green', message: `Done: ${subject}` });
    } catch (error) {
      notifications.show(
        error instanceof ApiError && error.status === 412
          ? {
              color: 'yellow',
              title: `"${subject}" was not marked done`,
              message: 'Someone changed this to-do meanwhile. Your to-dos now show it as it is; mark it done again if it still is.',
            }
          : { color: 'red', title: `Could not mark "${subject}" done`, message: whyNotDone(error) },
      );
    }
  }

  return (
    <Tooltip label="Mark done">
      <ActionIcon
        variant="subtle"
        color="green"
        aria-label={label}
        loading={complete.isPending}
        disabled={complete.isPending}
        onClick={() => void markDone()}
      >
        <CheckIcon size={12} />
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * One to-do: its subject linked to where the work is (its page, else its record), the record, priority and due; with
 * activities:write, a button to mark it done.
 */
function ToDo({ activity, canComplete }: { activity: Activity; canComplete: boolean }) {
  const record = linkedRecord(activity);
  const to = appPath(activity.page) ?? (record ? recordPath(record.type, record.id) : undefined);
  const subject = activity.subject ?? 'Untitled';
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs">
      <Stack gap={0} miw={0}>
        <ActivitySubject subject={subject} page={to} />
        {record && <RecordLink record={record} />}
      </Stack>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        <PriorityMarker priority={activity.priority} />
        <DueBadge due={activity.dueAt ?? undefined} overdue={activity.status === 'overdue'} />
        {canComplete && <MarkDone activity={activity} subject={subject} />}
      </Group>
    </Group>
  );
}

/**
 * My open activity tasks, calls and deadlines, most urgent first: those I set myself and those Salesflow raises for
 * me, some about a page of this app rather than a record (the leads routing could not place).
 */
function MyToDos() {
  const me = useMe();
  const todos = useMyToDos(me.id);
  const canComplete = can('activities:write')(me);
  const items = todos.data?.items ?? [];
  return (
    <DashCard id="dash-todos" title="My to-dos">
      {todos.isPending ? (
        <LoadingRows rows={3} label="Loading to-dos" />
      ) : todos.isError ? (
        <ErrorState error={todos.error} onRetry={() => void todos.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing to do">No open to-dos for you.</EmptyState>
      ) : (
        <Stack gap="sm">
          <Count value={items.length} more={Boolean(todos.data.nextCursor)} />
          <Stack gap={6} component="ul" style={LIST_STYLE} aria-label="My open to-dos, most urgent first">
            {items.slice(0, TOP).map((a) => (
              <ToDo key={a.id} activity={a} canComplete={canComplete} />
            ))}
          </Stack>
        </Stack>
      )}
    </DashCard>
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
 * What needs me today: open tasks, to-dos, approvals waiting, my pipeline, hot leads, meetings and recent activity; a
 * manager (team scope) also sees the team.
 */
export function DashboardPage() {
  const me = useMe();
  const worker = can('tasks:work')(me);
  const todos = can('activities:read')(me);
  const approver = can('deals:approve', 'tasks:work')(me);
  const work = Math.max(1, [worker, todos, approver].filter(Boolean).length);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Hello, {me.displayName?.split(' ')[0] ?? 'there'}
      </Title>
      <SimpleGrid cols={{ base: 1, md: Math.min(work, 2), lg: work }}>
        {worker && <MyTasks />}
        {todos && <MyToDos />}
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
