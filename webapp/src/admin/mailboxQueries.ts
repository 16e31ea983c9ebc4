import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { ifMatch } from './queries';

export type Mailbox = Schemas['MailboxView'];
export type MailboxSettings = Schemas['MailboxSettings'];
export type InboundMail = Schemas['InboundMailView'];

const keys = {
  all: ['admin', 'mailboxes'] as const,
  messages: (id: string, status: string) => ['admin', 'mailboxes', id, 'messages', status] as const,
};

export function useMailboxes() {
  const { client } = useApi();
  return useQuery({ queryKey: keys.all, queryFn: () => unwrap(client.GET('/api/v1/mailboxes')) });
}

export function useSaveMailbox() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, body }: { mailbox?: Mailbox; body: MailboxSettings }) =>
      mailbox?.id
        ? unwrap(
            client.PATCH('/api/v1/mailboxes/{id}', {
              params: { path: { id: mailbox.id }, header: ifMatch(mailbox.version) },
              body,
            }),
          )
        : unwrap(client.POST('/api/v1/mailboxes', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteMailbox() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/v1/mailboxes/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useReadMailboxSoon() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/mailboxes/{id}/read', { params: { path: { id } } })),
  });
}

export function useMailboxMessages(id: string, status: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: keys.messages(id, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/mailboxes/{id}/messages', {
          params: {
            path: { id },
            query: {
              limit: 50,
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
