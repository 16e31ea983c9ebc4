import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type Sequence = Schemas['Sequence'];
export type SequenceInput = Schemas['SequenceInput'];
export type SequenceStepInput = Schemas['SequenceStepInput'];
export type SequenceVariantInput = Schemas['SequenceVariantInput'];
export type SequenceEnrolment = Schemas['SequenceEnrolment'];
export type SequenceFigures = Schemas['SequenceVariantFigures'];
export type SequenceBulkEnrolment = Schemas['SequenceBulkEnrolment'];
export type EnrolRecordType = 'lead' | 'contact';

export const sequenceKeys = {
  all: ['sequences'] as const,
  list: ['sequences', 'list'] as const,
  one: (id: string) => ['sequences', id] as const,
  figures: (id: string) => ['sequences', id, 'figures'] as const,
  enrolments: (id: string) => ['sequences', id, 'enrolments'] as const,
};

export function useSequences(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: sequenceKeys.list,
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/sequences', { params: { query: { limit: 200 } } })),
  });
}

export function useSequence(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: sequenceKeys.one(id),
    queryFn: () => unwrap(client.GET('/api/v1/sequences/{id}', { params: { path: { id } } })),
  });
}

export function useSaveSequence() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: SequenceInput }) =>
      id
        ? unwrap(
            client.PUT('/api/v1/sequences/{id}', {
              params: { path: { id }, header: version === undefined ? {} : { 'If-Match': `"${version}"` } },
              body,
            }),
          )
        : unwrap(client.POST('/api/v1/sequences', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sequenceKeys.all }),
  });
}

export function useArchiveSequence() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/v1/sequences/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sequenceKeys.all }),
  });
}

export function useSequenceFigures(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: sequenceKeys.figures(id),
    queryFn: () => unwrap(client.GET('/api/v1/sequences/{id}/figures', { params: { path: { id } } })),
  });
}

export function useEnrolments(id: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: sequenceKeys.enrolments(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/sequences/{id}/enrolments', {
          params: { path: { id }, query: { limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor ?? undefined,
  });
}

export function useEnrol() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sequenceId, recordType, recordId }: { sequenceId: string; recordType: EnrolRecordType; recordId: string }) =>
      unwrap(
        client.POST('/api/v1/sequences/{id}/enrolments', {
          params: { path: { id: sequenceId } },
          body: { recordType, recordId },
        }),
      ),
    onSuccess: (_, { sequenceId }) => void queryClient.invalidateQueries({ queryKey: sequenceKeys.one(sequenceId) }),
  });
}

export function useEnrolView() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sequenceId, savedViewId, cursor }: { sequenceId: string; savedViewId: string; cursor?: string }) =>
      unwrap(
        client.POST('/api/v1/sequences/{id}/enrolments/bulk', {
          params: { path: { id: sequenceId } },
          body: { savedViewId, cursor, limit: 100 },
        }),
      ),
    onSuccess: (_, { sequenceId }) => void queryClient.invalidateQueries({ queryKey: sequenceKeys.one(sequenceId) }),
  });
}

export function useCancelEnrolment(sequenceId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      unwrap(
        client.POST('/api/v1/sequences/{id}/enrolments/{enrolmentId}/cancel', {
          params: { path: { id: sequenceId, enrolmentId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sequenceKeys.one(sequenceId) }),
  });
}

/** The most ids one enrol-by-id call takes; the server refuses more. */
export const ENROL_BATCH = 500;

/** Enrols records picked by id, in calls of at most {@link ENROL_BATCH}, and merges what each call reports. */
export function useEnrolRecords() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ sequenceId, recordType, recordIds }: { sequenceId: string; recordType: EnrolRecordType; recordIds: string[] }) => {
      const merged: SequenceBulkEnrolment = { enrolled: [], skipped: [] };
      for (let start = 0; start < recordIds.length; start += ENROL_BATCH) {
        const part = await unwrap(
          client.POST('/api/v1/sequences/{id}/enrolments/records', {
            params: { path: { id: sequenceId } },
            body: { recordType, recordIds: recordIds.slice(start, start + ENROL_BATCH) },
          }),
        );
        merged.enrolled?.push(...(part.enrolled ?? []));
        merged.skipped?.push(...(part.skipped ?? []));
      }
      return merged;
    },
    onSuccess: (_, { sequenceId }) => void queryClient.invalidateQueries({ queryKey: sequenceKeys.one(sequenceId) }),
  });
}
