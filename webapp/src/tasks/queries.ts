import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { paths } from '../api/types';
import { useApi } from '../app/ApiContext';

export type TaskListQuery = NonNullable<paths['/api/v1/tasks']['get']['parameters']['query']>;
/** The body of a completion: `{variables: {...}}` with the form's values. */
export type CompleteBody = NonNullable<paths['/api/v1/tasks/{id}/complete']['post']['requestBody']>['content']['application/json'];

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskListQuery) => ['tasks', 'list', query] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  comments: (id: string) => ['tasks', 'comments', id] as const,
};

/** Open work on the caller: tasks and, with deals:approve, approvals. Shared by the dashboard and notifications. */
export const overviewKeys = {
  tasks: ['tasks', 'overview'] as const,
  approvals: ['approvals', 'overview'] as const,
};

export const OVERVIEW_LIMIT = 100;
export const POLL_MS = 30_000;

export function useTaskList(query: TaskListQuery) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: taskKeys.list(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/tasks', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

export function useOverviewTasks() {
  const { client } = useApi();
  return useQuery({
    queryKey: overviewKeys.tasks,
    queryFn: () => unwrap(client.GET('/api/v1/tasks', { params: { query: { view: 'mine', limit: OVERVIEW_LIMIT } } })),
    refetchInterval: POLL_MS,
  });
}

export function useTask(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: () => unwrap(client.GET('/api/v1/tasks/{id}', { params: { path: { id } } })),
  });
}

export function useTaskComments(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: taskKeys.comments(id),
    queryFn: () => unwrap(client.GET('/api/v1/tasks/{id}/comments', { params: { path: { id } } })),
  });
}

function useInvalidateWork() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
    ]);
}

export function useClaim() {
  const { client } = useApi();
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/tasks/{id}/claim', { params: { path: { id } } })),
    onSettled: invalidate,
  });
}

export function useUnclaim() {
  const { client } = useApi();
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/tasks/{id}/unclaim', { params: { path: { id } } })),
    onSettled: invalidate,
  });
}

export function useDelegate() {
  const { client } = useApi();
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, userId }: { id: string; userId: string }) =>
      unwrap(client.POST('/api/v1/tasks/{id}/delegate', { params: { path: { id } }, body: { userId } })),
    onSettled: invalidate,
  });
}

export function useComplete() {
  const { client } = useApi();
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CompleteBody }) =>
      unwrap(client.POST('/api/v1/tasks/{id}/complete', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useAddComment(id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) =>
      unwrap(client.POST('/api/v1/tasks/{id}/comments', { params: { path: { id } }, body: { message } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.comments(id) }),
  });
}

