import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { RecordBody } from '../api/types';
import { useApi } from '../app/ApiContext';
import { OVERVIEW_LIMIT, overviewKeys, POLL_MS, taskKeys } from '../tasks/queries';

export const approvalKeys = {
  all: ['approvals'] as const,
  pending: ['approvals', 'pending'] as const,
};

export function usePendingApprovals() {
  const { client } = useApi();
  return useQuery({
    queryKey: approvalKeys.pending,
    queryFn: () => unwrap(client.GET('/api/v1/approvals', { params: { query: { limit: 200 } } })),
    refetchInterval: POLL_MS,
  });
}

export function useOverviewApprovals(enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: overviewKeys.approvals,
    queryFn: () => unwrap(client.GET('/api/v1/approvals', { params: { query: { limit: OVERVIEW_LIMIT } } })),
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function usePipelines() {
  const { client } = useApi();
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: () => unwrap(client.GET('/api/v1/pipelines')),
    staleTime: 5 * 60_000,
  });
}

/** The pipeline and stage of each deal waiting for approval (the approval itself does not carry them). */
export function useDealPlaces(dealIds: string[]) {
  const { client } = useApi();
  const ids = [...new Set(dealIds)].sort();
  return useQuery({
    queryKey: ['deals', 'places', ids],
    enabled: ids.length > 0,
    queryFn: async () => {
      const page = await unwrap(
        client.GET('/api/v1/deals', {
          querySerializer: () =>
            new URLSearchParams({ 'id[in]': ids.join(','), fields: 'id,pipelineId,stageId', limit: '200' }).toString(),
        }),
      );
      const places = new Map<string, { pipelineId?: string; stageId?: string }>();
      for (const deal of (page.items ?? []) as RecordBody[]) {
        if (typeof deal.id === 'string') {
          places.set(deal.id, {
            pipelineId: typeof deal.pipelineId === 'string' ? deal.pipelineId : undefined,
            stageId: typeof deal.stageId === 'string' ? deal.stageId : undefined,
          });
        }
      }
      return places;
    },
  });
}

export interface BulkResult {
  taskId: string;
  status: number;
  detail?: string;
}

export function useDecide() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
    ]);

  const approve = useMutation({
    mutationFn: (taskId: string) =>
      unwrap(client.POST('/api/v1/approvals/{taskId}/approve', { params: { path: { taskId } }, body: {} })),
    onSettled: invalidate,
  });
  const reject = useMutation({
    mutationFn: ({ taskId, reason }: { taskId: string; reason: string }) =>
      unwrap(client.POST('/api/v1/approvals/{taskId}/reject', { params: { path: { taskId } }, body: { reason } })),
    onSettled: invalidate,
  });
  const approveAll = useMutation({
    mutationFn: async (taskIds: string[]): Promise<BulkResult[]> => {
      const results = await unwrap(client.POST('/api/v1/approvals/approve', { body: { taskIds } }));
      return results.map((r) => ({
        taskId: String(r.taskId),
        status: Number(r.status),
        detail: typeof r.detail === 'string' ? r.detail : undefined,
      }));
    },
    onSettled: invalidate,
  });
  return { approve, reject, approveAll };
}
