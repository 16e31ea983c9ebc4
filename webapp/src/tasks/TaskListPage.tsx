import { Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { TaskView } from '../api/types';
import { useMe } from '../auth/SessionProvider';
import { formatDateTime, urgency } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { isRecordType, RECORD_TYPES, recordPath } from '../records/queries';
import { TaskActions } from './TaskActions';
import { useTaskList, type TaskListQuery } from './queries';

type View = 'mine' | 'groups' | 'team';
type Due = 'any' | 'overdue' | 'today' | 'week';

const DUE_OPTIONS: { value: Due; label: string }[] = [
  { value: 'any', label: 'Any time' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Due today' },
  { value: 'week', label: 'Due in the next 7 days' },
];

function dueRange(due: Due, now = new Date()): Pick<TaskListQuery, 'dueBefore' | 'dueAfter'> {
  const endOfToday = new Date(now);
  endOfToday.setHours(23, 59, 59, 999);
  switch (due) {
    case 'overdue':
      return { dueBefore: now.toISOString() };
    case 'today':
      return { dueBefore: endOfToday.toISOString() };
    case 'week':
      return { dueBefore: new Date(endOfToday.getTime() + 7 * 86_400_000).toISOString() };
    default:
      return {};
  }
}

/**
 * When work is due, red once overdue. `overdue` when the server already counts it overdue (an activity's status),
 * whatever this browser's clock says.
 */
export function DueBadge({ due, overdue = false }: { due: string | undefined; overdue?: boolean }) {
  const level = overdue ? 'overdue' : urgency(due);
  if (level === 'none') return <Text size="sm" c="dimmed">No due date</Text>;
  const color = level === 'overdue' ? 'red' : level === 'today' ? 'orange' : 'gray';
  if (!due) {
    return (
      <Badge color={color} variant="light">
        Overdue
      </Badge>
    );
  }
  return (
    <Badge color={color} variant="light" title={formatDateTime(due)}>
      {level === 'overdue' ? 'Overdue · ' : ''}
      {formatDateTime(due)}
    </Badge>
  );
}

/**
 * The record a task is about, by its title (a lead's name and company), linked to its page; by its type alone when
 * the caller may not read it.
 */
export function TaskRecordLink({ task, size = 'sm' }: { task: TaskView; size?: 'xs' | 'sm' }) {
  const type = task.record?.type;
  if (!isRecordType(type) || !task.record?.id) return <Text size={size} c="dimmed">—</Text>;
  const label = RECORD_TYPES.find((t) => t.value === type)?.label ?? type;
  const title = task.record.title;
  return (
    <Text size={size} span>
      {title && (
        <Text span size={size} c="dimmed">
          {label}:{' '}
        </Text>
      )}
      <Anchor component={Link} to={recordPath(type, task.record.id)} size={size}>
        {title ?? label}
      </Anchor>
    </Text>
  );
}

/** My tasks, my groups' open tasks and (for managers) my team's, filtered by record and due date. */
export function TaskListPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const teamScope = me.scopes?.['tasks:work'];
  const canSeeTeam = teamScope === 'TEAM' || teamScope === 'ALL';
  const view = (params.get('view') as View | null) ?? 'mine';
  const due = (params.get('due') as Due | null) ?? 'any';
  const recordType = params.get('recordType') ?? '';

  const query: TaskListQuery = {
    view: view === 'team' ? 'team' : 'mine',
    ...(recordType ? { recordType } : {}),
    ...dueRange(due),
    limit: 50,
  };
  const list = useTaskList(query);

  function set(name: string, value: string, fallback: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === fallback) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const all = list.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  // view=mine holds both: what is mine (assigned or delegated by me) and what my groups may claim.
  const tasks =
    view === 'groups'
      ? all.filter((t) => !t.assignee)
      : view === 'mine'
        ? all.filter((t) => t.assignee === me.id || t.owner === me.id)
        : all;

  const views = [
    { value: 'mine', label: 'Mine' },
    { value: 'groups', label: 'My groups' },
    ...(canSeeTeam ? [{ value: 'team', label: 'My team' }] : []),
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Tasks
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl aria-label="Whose tasks" value={view} onChange={(v) => set('view', v, 'mine')} data={views} />
        <Select
          label="Record"
          w={160}
          data={[{ value: '', label: 'Any record' }, ...RECORD_TYPES]}
          value={recordType}
          onChange={(v) => set('recordType', v ?? '', '')}
          allowDeselect={false}
        />
        <Select
          label="Due"
          w={200}
          data={DUE_OPTIONS}
          value={due}
          onChange={(v) => set('due', v ?? 'any', 'any')}
          allowDeselect={false}
        />
      </Group>

      {list.isPending ? (
        <LoadingRows label="Loading tasks" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Could not load your tasks" />
      ) : tasks.length === 0 ? (
        <EmptyState title="Nothing to do here">
          {view === 'groups' ? 'No open tasks are waiting for your groups.' : 'No tasks match these filters.'}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Task</Table.Th>
                <Table.Th>About</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Assigned</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tasks/${task.id}`} fw={600}>
                      {task.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {task.processName ?? task.processKey}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TaskRecordLink task={task} />
                  </Table.Td>
                  <Table.Td>
                    <DueBadge due={task.due} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {task.assignee === me.id
                        ? task.delegation === 'pending'
                          ? 'You (delegated to you)'
                          : 'You'
                        : task.assignee
                          ? task.owner === me.id
                            ? 'Delegated by you'
                            : 'Someone else'
                          : 'Open to your groups'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TaskActions task={task} me={me} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Show more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
