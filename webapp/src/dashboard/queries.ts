import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { RecordBody } from '../api/types';
import { useApi } from '../app/ApiContext';

/** How many open deals the pipeline chart looks at; more than this and the chart says so. */
export const DEAL_SAMPLE = 200;

export interface OpenDeals {
  deals: RecordBody[];
  /** There were more open deals than the sample. */
  partial: boolean;
}

/**
 * The caller's open deals, one bounded page: the engine has no pipeline summary endpoint yet, so the chart adds
 * them up here.
 */
export function useMyOpenDeals(ownerId: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['deals', 'open', ownerId],
    enabled: ownerId !== undefined,
    queryFn: async (): Promise<OpenDeals> => {
      const page = await unwrap(
        client.GET('/api/v1/deals', {
          querySerializer: () =>
            new URLSearchParams({
              ownerId: ownerId ?? '',
              status: 'open',
              fields: 'id,pipelineId,stageId,amount,currency',
              limit: String(DEAL_SAMPLE),
            }).toString(),
        }),
      );
      return { deals: page.items ?? [], partial: Boolean(page.nextCursor) };
    },
  });
}
