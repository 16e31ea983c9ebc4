import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type WebhookSubscription = Schemas['WebhookSubscriptionView'];
export type WebhookSubscriptionInput = Schemas['WebhookSubscriptionInput'];
export type WebhookDelivery = Schemas['WebhookDeliveryView'];
export type WebhookDeliveryDetail = Schemas['WebhookDeliveryDetail'];

export const webhookKeys = {
  all: ['admin', 'webhooks'] as const,
  subscriptions: ['admin', 'webhooks', 'subscriptions'] as const,
  eventTypes: ['admin', 'webhooks', 'event-types'] as const,
  deliveries: (subscriptionId: string) => ['admin', 'webhooks', 'deliveries', subscriptionId] as const,
  delivery: (id: string) => ['admin', 'webhooks', 'delivery', id] as const,
};

const PAGE = 25;

export function useWebhookSubscriptions() {
  const { client } = useApi();
  return useQuery({
    queryKey: webhookKeys.subscriptions,
    queryFn: () => unwrap(client.GET('/api/v1/webhook-subscriptions')),
  });
}

export function useWebhookEventTypes() {
  const { client } = useApi();
  return useQuery({
    queryKey: webhookKeys.eventTypes,
    queryFn: () => unwrap(client.GET('/api/v1/webhook-subscriptions/event-types')),
    staleTime: Infinity,
  });
}

export function useCreateWebhookSubscription() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookSubscriptionInput) => unwrap(client.POST('/api/v1/webhook-subscriptions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.subscriptions }),
  });
}

export function useUpdateWebhookSubscription() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: WebhookSubscriptionInput }) =>
      unwrap(client.PUT('/api/v1/webhook-subscriptions/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.subscriptions }),
  });
}

export function useDeleteWebhookSubscription() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/v1/webhook-subscriptions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useRotateWebhookSecret() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.POST('/api/v1/webhook-subscriptions/{id}/rotate-secret', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.subscriptions }),
  });
}

export function useWebhookDeliveries(subscriptionId: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(subscriptionId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/webhook-subscriptions/{id}/deliveries', {
          params: { path: { id: subscriptionId }, query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useWebhookDelivery(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: webhookKeys.delivery(id),
    queryFn: () => unwrap(client.GET('/api/v1/webhook-deliveries/{id}', { params: { path: { id } } })),
  });
}

export function useRedeliverWebhook() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.POST('/api/v1/webhook-deliveries/{id}/redeliver', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
