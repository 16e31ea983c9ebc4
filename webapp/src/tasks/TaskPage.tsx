import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, describeError } from '../api/problem';
import { useMe } from '../auth/SessionProvider';
import { formatDateTime } from '../common/format';
import { ErrorState, LoadingRows } from '../common/states';
import { RecordCard } from '../records/RecordCard';
import { isRecordType } from '../records/queries';
import { TaskActions } from './TaskActions';
import { TaskForm } from './TaskForm';
import { DueBadge, TaskRecordLink } from './TaskListPage';
import { useAddComment, useComplete, useTask, useTaskComments } from './queries';

const VARIABLE = 'variables.';

/** Server field errors split into the form's fields (by key) and the rest. */
function splitErrors(error: unknown): { byKey: Record<string, string>; other: string[] } {
  const byKey: Record<string, string> = {};
  const other: string[] = [];
  if (error instanceof ApiError) {
    for (const [field, message] of Object.entries(error.fieldErrors())) {
      if (field.startsWith(VARIABLE)) byKey[field.slice(VARIABLE.length)] = message;
      else other.push(message);
    }
  }
  return { byKey, other };
}

/** One task: its form to complete, the record it is about, its comments. */
export function TaskPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const task = useTask(id);
  const complete = useComplete();
  const errors = useMemo(() => splitErrors(complete.error), [complete.error]);

  if (task.isPending) return <LoadingRows label="Loading the task" rows={6} />;
  if (task.isError) {
    return (
      <Stack>
        <ErrorState error={task.error} onRetry={() => void task.refetch()} title="Could not load the task" />
        <Anchor component={Link} to="/tasks">
          Back to your tasks
        </Anchor>
      </Stack>
    );
  }

  const view = task.data;
  const mine = view.assignee === me.id;
  const someoneElses = !!view.assignee && !mine;
  const record = view.record;

  function submit(variables: Record<string, unknown>) {
    complete.mutate(
      { id, body: { variables } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Task completed', message: view.name ?? '' });
          navigate('/tasks');
        },
      },
    );
  }

  const generalError =
    complete.isError && (Object.keys(errors.byKey).length === 0 || errors.other.length > 0)
      ? [describeError(complete.error), ...errors.other].join(' ')
      : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/tasks" size="sm">
        ← Tasks
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {view.name}
          </Title>
          <Text size="sm" c="dimmed">
            {view.processName ?? view.processKey} · created {formatDateTime(view.created)}
          </Text>
          {record?.id && (
            <Text size="sm" mt={4}>
              About <TaskRecordLink task={view} />
            </Text>
          )}
        </div>
        <Group gap="sm">
          <DueBadge due={view.due} />
          <TaskActions task={view} me={me} size="sm" />
        </Group>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="lg" component="section" aria-label="Form">
            {someoneElses && (
              <Alert color="yellow" mb="md">
                Someone else has this task. Ask them or their manager to give it back before you complete it.
              </Alert>
            )}
            {generalError && (
              <Alert color="red" mb="md" role="alert" title="The task is not completed">
                {generalError}
              </Alert>
            )}
            {Object.keys(errors.byKey).length > 0 && !generalError && (
              <Alert color="red" mb="md" role="alert" title="The task is not completed">
                Some fields need your attention.
              </Alert>
            )}
            {view.form ? (
              <TaskForm
                schema={view.form}
                serverErrors={errors.byKey}
                submitting={complete.isPending}
                disabled={someoneElses}
                onSubmit={submit}
              />
            ) : (
              <Group justify="space-between">
                <Text size="sm">This task has no form: completing it tells the process you are done.</Text>
                <Button onClick={() => submit({})} loading={complete.isPending} disabled={someoneElses}>
                  Complete task
                </Button>
              </Group>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {record?.id && isRecordType(record.type) ? (
              <RecordCard type={record.type} id={record.id} />
            ) : (
              <Card withBorder padding="md">
                <Text size="sm" c="dimmed">
                  This task is not about a CRM record.
                </Text>
              </Card>
            )}
            <Comments taskId={id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Comments({ taskId }: { taskId: string }) {
  const comments = useTaskComments(taskId);
  const add = useAddComment(taskId);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) {
      setError('Write a comment first.');
      return;
    }
    add.mutate(message.trim(), {
      onSuccess: () => {
        setMessage('');
        setError(null);
      },
      onError: (e) => setError(e instanceof ApiError ? (Object.values(e.fieldErrors())[0] ?? describeError(e)) : describeError(e)),
    });
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="comments-heading">
      <Title order={2} size="h4" id="comments-heading" mb="xs">
        Comments
      </Title>
      {comments.isPending ? (
        <LoadingRows rows={2} label="Loading comments" />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {comments.data.map((c) => (
            <li key={c.id}>
              <Text size="sm">{c.message}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.at)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <form onSubmit={submit}>
        <Textarea
          mt="sm"
          label="Add a comment"
          autosize
          minRows={2}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end" mt="xs">
          <Button type="submit" size="xs" variant="light" loading={add.isPending}>
            Comment
          </Button>
        </Group>
      </form>
    </Card>
  );
}
