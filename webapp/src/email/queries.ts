import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type EmailView = Schemas['EmailView'];
export type EmailSettings = Schemas['EmailSettingsView'];
export type EmailSettingsInput = Schemas['EmailSettingsInput'];
export type EmailTemplate = Schemas['EmailTemplateView'];
export type EmailTemplateInput = Schemas['EmailTemplateInput'];
export type EmailPreview = Schemas['EmailPreview'];
export type Suppression = Schemas['Suppression'];
export type SendEmailInput = Schemas['SendEmailInput'];
export type EmailRecordType = 'lead' | 'contact';

export const emailKeys = {
  settings: ['email', 'settings'] as const,
  templates: ['email', 'templates'] as const,
  suppressions: ['email', 'suppressions'] as const,
  ofRecord: (type: string, id: string) => ['email', 'record', type, id] as const,
};

export function useEmailSettings() {
  const { client } = useApi();
  return useQuery({
    queryKey: emailKeys.settings,
    queryFn: () => unwrap(client.GET('/api/v1/settings/email')),
  });
}

export function useSaveEmailSettings() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmailSettingsInput) => unwrap(client.PUT('/api/v1/settings/email', { params: { header: {} }, body })),
    onSuccess: (saved) => queryClient.setQueryData(emailKeys.settings, saved),
  });
}

export function useSendTestEmail() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (to: string) => unwrap(client.POST('/api/v1/settings/email/test', { body: { to } })),
  });
}

export function useRecordEmails(type: string, id: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: emailKeys.ofRecord(type, id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/emails', {
          params: { query: { recordType: type, recordId: id, limit: 25, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor ?? undefined,
  });
}

export function useSendEmail(type: EmailRecordType, id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: Omit<SendEmailInput, 'recordType' | 'recordId'> }) =>
      unwrap(
        client.POST('/api/v1/emails', {
          headers: { 'Idempotency-Key': key },
          body: { ...body, recordType: type, recordId: id },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: emailKeys.ofRecord(type, id) });
      void queryClient.invalidateQueries({ queryKey: ['records', type, id, 'timeline'] });
    },
  });
}

export function useEmailTemplates(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: emailKeys.templates,
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/email-templates', { params: { query: { limit: 200 } } })),
  });
}

export function useSaveTemplate() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: EmailTemplateInput }) =>
      id
        ? unwrap(client.PUT('/api/v1/email-templates/{id}', { params: { path: { id }, header: {} }, body }))
        : unwrap(client.POST('/api/v1/email-templates', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: emailKeys.templates }),
  });
}

export function useArchiveTemplate() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/v1/email-templates/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: emailKeys.templates }),
  });
}

export function usePreviewTemplate() {
  const { client } = useApi();
  return useMutation({
    mutationFn: ({ id, recordType, recordId, variables }: { id: string; recordType: EmailRecordType; recordId: string; variables: Record<string, string> }) =>
      unwrap(
        client.POST('/api/v1/email-templates/{id}/preview', {
          params: { path: { id } },
          body: { recordType, recordId, variables },
        }),
      ),
  });
}

export function useSuppressions() {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: emailKeys.suppressions,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/email-suppressions', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor ?? undefined,
  });
}

export function useAddSuppression() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { address: string; note?: string }) => unwrap(client.POST('/api/v1/email-suppressions', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: emailKeys.suppressions }),
  });
}

export function useRemoveSuppression() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (address: string) =>
      unwrap(client.DELETE('/api/v1/email-suppressions/{address}', { params: { path: { address } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: emailKeys.suppressions }),
  });
}
