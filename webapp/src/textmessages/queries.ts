import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { recordKeys } from '../records/queries';

export type TwilioSettings = Schemas['TwilioSettingsView'];
export type TwilioSettingsInput = Schemas['TwilioSettingsInput'];
export type TextMessage = Schemas['TextMessage'];
export type SendTextInput = Schemas['SendTextMessageInput'];
export type OptOut = Schemas['TextOptOut'];

const settingsKey = ['admin', 'twilio-settings'] as const;

/** The settings with the version their ETag named, for If-Match. */
export function useTwilioSettings() {
  const { client } = useApi();
  return useQuery({
    queryKey: settingsKey,
    queryFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/settings/twilio');
      const body = await unwrap(Promise.resolve({ data, error, response }));
      return { settings: body, etag: response.headers.get('ETag') ?? undefined };
    },
  });
}

export function useSaveTwilioSettings() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag, body }: { etag: string | undefined; body: TwilioSettingsInput }) => {
      const { data, error, response } = await client.PUT('/api/v1/settings/twilio', {
        params: { header: etag ? { 'If-Match': etag } : {} },
        body,
      });
      const saved = await unwrap(Promise.resolve({ data, error, response }));
      return { settings: saved, etag: response.headers.get('ETag') ?? undefined };
    },
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

export function useOptOuts() {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: ['admin', 'text-opt-outs'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(client.GET('/api/v1/text-opt-outs', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Texts a lead or contact; the timeline shows the queued message and, later, its status. */
export function useSendText(type: 'lead' | 'contact', id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<SendTextInput, 'recordType' | 'recordId'>) =>
      unwrap(
        client.POST('/api/v1/text-messages', {
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          body: { ...body, recordType: type, recordId: id } as SendTextInput,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.section(type, id, 'timeline') }),
  });
}
