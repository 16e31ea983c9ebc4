import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type InboundEndpoint = Schemas['InboundEndpointView'];
export type InboundEndpointInput = Schemas['InboundEndpointInput'];
export type InboundEndpointSecrets = Schemas['InboundEndpointSecrets'];
export type InboundEvent = Schemas['InboundEventView'];
export type InboundEventStatus = '' | 'received' | 'processed' | 'failed';

export const inboundKeys = {
  all: ['admin', 'inbound-webhooks'] as const,
  events: (id: string, status: InboundEventStatus) => ['admin', 'inbound-webhooks', id, 'events', status] as const,
};

export function useInboundEndpoints() {
  const { client } = useApi();
  return useQuery({ queryKey: inboundKeys.all, queryFn: () => unwrap(client.GET('/api/v1/inbound-webhooks')) });
}

export function useCreateInboundEndpoint() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InboundEndpointInput) => unwrap(client.POST('/api/v1/inbound-webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}

export function useRotateInboundSecret() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, secret, overlap }: { id: string; secret?: string; overlap: string }) =>
      unwrap(
        client.POST('/api/v1/inbound-webhooks/{id}/rotate-secret', {
          params: { path: { id } },
          body: { overlap, ...(secret ? { secret } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}

/** Turns an endpoint off (its address answers 404) or on again, keeping its mapping. */
export function useSetInboundEnabled() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpoint, enabled }: { endpoint: InboundEndpoint; enabled: boolean }) =>
      unwrap(
        client.PUT('/api/v1/inbound-webhooks/{id}', {
          params: { path: { id: endpoint.id ?? '' } },
          body: {
            name: endpoint.name,
            action: endpoint.action,
            ...(endpoint.lead ? { lead: endpoint.lead } : {}),
            ...(endpoint.message ? { message: endpoint.message } : {}),
            enabled,
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}

export function useDeleteInboundEndpoint() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/v1/inbound-webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}

const PAGE = 50;

/** An endpoint's events, newest first, a page at a time. */
export function useInboundEvents(id: string, status: InboundEventStatus) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: inboundKeys.events(id, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/inbound-webhooks/{id}/events', {
          params: {
            path: { id },
            query: { limit: PAGE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While an event waits for the worker, the log looks again every few seconds to show what became of it.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => (page.items ?? []).some((event) => event.status === 'received'))
        ? 3000
        : false,
  });
}

export function useRetryInboundEvent(id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eventId: string) =>
      unwrap(
        client.POST('/api/v1/inbound-webhooks/{id}/events/{eventId}/retry', { params: { path: { id, eventId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'inbound-webhooks', id, 'events'] }),
  });
}
