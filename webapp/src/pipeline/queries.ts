import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Me, RecordBody, Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type DealReason = Schemas['DealReasonView'];
export type Stage = Schemas['Stage'];
type DealPage = { items?: RecordBody[]; nextCursor?: string };
type BoardData = InfiniteData<DealPage, string | undefined>;

/** Whose deals the board shows: the API filters by owner and team; "all" is everything the caller may read. */
export type BoardView = 'mine' | 'team' | 'all';

/** Deals per stage and page: a column loads more on request. */
export const STAGE_PAGE = 20;

export const pipelineKeys = {
  pipelines: ['pipelines'] as const,
  reasons: ['deal-reasons'] as const,
  /** Every column of one pipeline's board (any view). */
  board: (pipelineId: string) => ['deals', 'board', pipelineId] as const,
  column: (pipelineId: string, stageId: string, view: BoardView) => ['deals', 'board', pipelineId, stageId, view] as const,
};

export function usePipelines() {
  const { client } = useApi();
  return useQuery({
    queryKey: pipelineKeys.pipelines,
    queryFn: () => unwrap(client.GET('/api/v1/pipelines')),
    staleTime: 5 * 60_000,
  });
}

/** Active won and lost reasons, in order: moving a deal to a closed stage needs one when the workspace has any. */
export function useDealReasons() {
  const { client } = useApi();
  return useQuery({
    queryKey: pipelineKeys.reasons,
    queryFn: async () => (await unwrap(client.GET('/api/v1/deal-reasons'))).filter((r) => r.active),
    staleTime: 5 * 60_000,
  });
}

/** The list filter for a view: `ownerId` for mine, `teamId[in]` for my teams. */
export function viewFilter(view: BoardView, me: Me): Record<string, string> {
  if (view === 'mine') return { ownerId: me.id ?? '' };
  if (view === 'team') return { 'teamId[in]': (me.teams ?? []).map((t) => t.id).join(',') };
  return {};
}

/** One column: the stage's deals, newest in the stage first, a page at a time. */
export function useStageDeals(pipelineId: string, stageId: string, view: BoardView, me: Me) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: pipelineKeys.column(pipelineId, stageId, view),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }): Promise<DealPage> =>
      unwrap(
        client.GET('/api/v1/deals', {
          querySerializer: () => {
            const query = new URLSearchParams({
              pipelineId,
              stageId,
              ...viewFilter(view, me),
              embed: 'owner,account',
              sort: '-stageEnteredAt',
              limit: String(STAGE_PAGE),
            });
            if (pageParam) query.set('cursor', pageParam);
            return query.toString();
          },
        }),
      ) as Promise<DealPage>,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export interface Move {
  deal: RecordBody;
  from: string;
  to: string;
  /** The won or lost reason the target stage asks for. */
  wonReasonId?: string;
  lostReasonId?: string;
  closeNote?: string;
}

/** The deal's ETag as the engine gives it: its version in quotes. */
export function etagOf(deal: RecordBody): string | undefined {
  return typeof deal.version === 'number' ? `"${deal.version}"` : undefined;
}

function withoutDeal(data: BoardData | undefined, id: unknown): BoardData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: (p.items ?? []).filter((d) => d.id !== id) })) };
}

function withDealFirst(data: BoardData | undefined, deal: RecordBody): BoardData | undefined {
  if (!data) return data;
  const rest = withoutDeal(data, deal.id) as BoardData;
  const [first, ...others] = rest.pages;
  return { ...rest, pages: [{ ...first, items: [deal, ...(first?.items ?? [])] }, ...others] };
}

/**
 * Moves a deal to another stage of its pipeline: PATCH `stageId` (and a reason for a closed stage) with If-Match.
 * The card moves at once; a refusal puts it back, and either way the two columns are read again.
 */
export function useMoveDeal(pipelineId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const boardKey = pipelineKeys.board(pipelineId);

  function columnsOf(stageId: string) {
    return queryClient
      .getQueryCache()
      .findAll({ queryKey: boardKey })
      .filter((q) => q.queryKey[3] === stageId)
      .map((q) => q.queryKey);
  }

  return useMutation({
    mutationFn: ({ deal, to, wonReasonId, lostReasonId, closeNote }: Move) => {
      const body: Record<string, unknown> = { stageId: to };
      if (wonReasonId) body.wonReasonId = wonReasonId;
      if (lostReasonId) body.lostReasonId = lostReasonId;
      if (closeNote) body.closeNote = closeNote;
      const ifMatch = etagOf(deal);
      return unwrap(
        client.PATCH('/api/v1/deals/{id}', {
          params: { path: { id: String(deal.id) }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
          body,
        }),
      );
    },
    onMutate: async ({ deal, from, to }) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const snapshot = queryClient.getQueriesData<BoardData>({ queryKey: boardKey });
      const moved: RecordBody = { ...deal, stageId: to, stageEnteredAt: new Date().toISOString() };
      for (const key of columnsOf(from)) queryClient.setQueryData<BoardData>(key, (data) => withoutDeal(data, deal.id));
      for (const key of columnsOf(to)) queryClient.setQueryData<BoardData>(key, (data) => withDealFirst(data, moved));
      return { snapshot };
    },
    onSuccess: (saved, { deal, to }) => {
      // The answer has the new version and approval status; the embedded owner and account stay as they were.
      const merged: RecordBody = { ...deal, ...saved, owner: deal.owner, account: deal.account };
      for (const key of columnsOf(to)) queryClient.setQueryData<BoardData>(key, (data) => withDealFirst(data, merged));
    },
    onError: (_error, _move, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: (_saved, _error, { from, to }) =>
      queryClient.invalidateQueries({ queryKey: boardKey, predicate: (q) => q.queryKey[3] === from || q.queryKey[3] === to }),
  });
}
