import { keepPreviousData, useInfiniteQuery, type InfiniteData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { RecordBody, Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type RecordType = 'lead' | 'contact' | 'account' | 'deal';

export const RECORD_TYPES: { value: RecordType; label: string }[] = [
  { value: 'lead', label: 'Lead' },
  { value: 'contact', label: 'Contact' },
  { value: 'account', label: 'Account' },
  { value: 'deal', label: 'Deal' },
];

export function isRecordType(type: string | undefined): type is RecordType {
  return RECORD_TYPES.some((t) => t.value === type);
}

/** Where a record's own page is: `/leads/{id}`, … */
export function recordPath(type: RecordType, id: string): string {
  return `/${type}s/${id}`;
}

/** One record with its owner, for showing beside the work about it. */
export function useRecord(type: RecordType | undefined, id: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['records', type, id],
    enabled: type !== undefined && id !== undefined,
    queryFn: (): Promise<RecordBody> => {
      const options = { params: { path: { id: id as string }, query: { embed: 'owner' } } };
      switch (type) {
        case 'lead':
          return unwrap(client.GET('/api/v1/leads/{id}', options));
        case 'contact':
          return unwrap(client.GET('/api/v1/contacts/{id}', options));
        case 'account':
          return unwrap(client.GET('/api/v1/accounts/{id}', options));
        default:
          return unwrap(client.GET('/api/v1/deals/{id}', options));
      }
    },
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The name people know a record by. */
export function recordTitle(type: RecordType, record: RecordBody): string {
  const person = [text(record.firstName), text(record.lastName)].filter(Boolean).join(' ');
  switch (type) {
    case 'lead':
      return [person, text(record.company)].filter(Boolean).join(' · ') || 'Unnamed lead';
    case 'contact':
      return person || text(record.email) || 'Unnamed contact';
    default:
      return text(record.name) ?? `Unnamed ${type}`;
  }
}

export function recordOwner(record: RecordBody): string | undefined {
  const owner = record.owner;
  if (owner && typeof owner === 'object' && 'displayName' in owner) return text(owner.displayName);
  return undefined;
}

export function recordStatus(record: RecordBody): string | undefined {
  return text(record.status) ?? text(record.lifecycleStage);
}

// ---------------------------------------------------------------------------------------------------------------
// Lists, record pages and their sections. The record endpoints still answer a bare `object` in the document, so
// records are `RecordBody` (`{[field]: unknown}`) and each value is narrowed where it is shown (see `./values`).

export type Collection = 'leads' | 'contacts' | 'accounts' | 'deals';

export function collectionOf(type: RecordType): Collection {
  return `${type}s` as Collection;
}

/** Every record type shares one HTTP face; the lead paths stand for all four (same operations, same shapes). */
type ItemPath = '/api/v1/leads/{id}';
type ListPath = '/api/v1/leads';
type ExportPath = '/api/v1/leads/export';
type TimelinePath = '/api/v1/leads/{id}/timeline';
const itemPath = (type: RecordType) => `/api/v1/${collectionOf(type)}/{id}` as ItemPath;
const listPath = (type: RecordType) => `/api/v1/${collectionOf(type)}` as ListPath;
const exportPath = (type: RecordType) => `/api/v1/${collectionOf(type)}/export` as ExportPath;
const timelinePath = (type: RecordType) => `/api/v1/${collectionOf(type)}/{id}/timeline` as TimelinePath;

export type RecordPage = Omit<Schemas['LeadPage'], 'items'> & { items: RecordBody[] };
export type TimelinePage = Schemas['TimelinePage'];
export type CustomField = Schemas['CustomFieldView'];
export type Attachment = Schemas['Attachment'];
export type ImportJob = Schemas['ImportView'];
export type ImportRowError = Schemas['RowErrorView'];
export type RecordProcess = Schemas['RecordProcessView'];
export type Assignment = Schemas['AssignmentView'];
export type LeadScore = Schemas['Score'];
export type Pipeline = Schemas['PipelineView'];
export type DealContact = Schemas['DealContact'];
export type MergeResult = Schemas['Result'];

export const recordKeys = {
  all: ['records'] as const,
  type: (type: RecordType) => ['records', type] as const,
  list: (type: RecordType, search: string) => ['records', type, 'list', search] as const,
  detail: (type: RecordType, id: string) => ['records', type, id, 'detail'] as const,
  section: (type: RecordType, id: string, section: string, ...rest: unknown[]) => ['records', type, id, section, ...rest] as const,
};

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call and the `ETag` it came with. */
async function withETag<T>(call: Promise<Result<T>>): Promise<{ body: T; etag: string | null }> {
  let response: Response | undefined;
  const body = await unwrap(
    call.then((result) => {
      response = result.response;
      return result;
    }),
  );
  return { body, etag: response?.headers.get('ETag') ?? null };
}

export interface RecordDetail {
  body: RecordBody;
  etag: string | null;
}

/** One record for its page, with its ETag for `If-Match`. */
export function useRecordDetail(type: RecordType, id: string | undefined, embed = 'owner') {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.detail(type, id ?? ''),
    enabled: id !== undefined,
    queryFn: (): Promise<RecordDetail> =>
      withETag(client.GET(itemPath(type), { params: { path: { id: id as string }, query: { embed } } })),
  });
}

/** Fetches the record again (bypassing the cache) and stores it as the page's copy. */
export function useRefetchDetail(type: RecordType, id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({
      queryKey: recordKeys.detail(type, id),
      staleTime: 0,
      queryFn: (): Promise<RecordDetail> =>
        withETag(client.GET(itemPath(type), { params: { path: { id }, query: { embed: 'owner' } } })),
    });
}

/** A merge-patch of the record guarded by `If-Match`; a 412 is thrown as the ApiError for the caller to resolve. */
export function usePatchRecord(type: RecordType, id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: Record<string, unknown>; etag: string | null }) =>
      withETag(
        client.PATCH(itemPath(type), {
          params: { path: { id }, header: etag ? { 'If-Match': etag } : undefined },
          body,
          // The PATCH answers without the embedded owner: keep the embed the page had.
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData<RecordDetail>(recordKeys.detail(type, id), (old) => ({
        body: { ...result.body, owner: result.body.ownerId === old?.body.ownerId ? old?.body.owner : undefined },
        etag: result.etag,
      }));
      void queryClient.invalidateQueries({ queryKey: ['records', type, id], predicate: (q) => q.queryKey[3] !== 'detail' });
      void queryClient.invalidateQueries({ queryKey: ['records', type, 'list'] });
    },
  });
}

export const PAGE_SIZE = 100;

/** A record list: `search` is the list query (filters, sort, fields, embed) without `limit` and `cursor`. */
export function useRecordList(type: RecordType, search: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: recordKeys.list(type, search),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(search);
      query.set('limit', String(PAGE_SIZE));
      if (pageParam) query.set('cursor', pageParam);
      return unwrap(client.GET(listPath(type), { querySerializer: () => query.toString() }));
    },
    getNextPageParam: (page: RecordPage) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A few records related to another (an account's contacts, …): one page, as the list API finds them. */
export function useRelatedRecords(type: RecordType, search: string, enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.list(type, `related:${search}`),
    enabled,
    queryFn: (): Promise<RecordPage> => unwrap(client.GET(listPath(type), { querySerializer: () => search })),
  });
}

/** A file the browser saves: the name from `Content-Disposition`, else `fallback`. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

async function download(call: Promise<Result<unknown>>, fallback: string): Promise<string> {
  let response: Response | undefined;
  const blob = (await unwrap(
    call.then((result) => {
      response = result.response;
      return result;
    }),
  )) as Blob;
  const name = response ? filenameOf(response, fallback) : fallback;
  saveBlob(blob, name);
  return name;
}

/** The list query as a CSV or XLSX file (every page of it). */
export function useExport(type: RecordType) {
  const { client } = useApi();
  return useMutation({
    mutationFn: ({ search, format }: { search: string; format: 'csv' | 'xlsx' }) => {
      const query = new URLSearchParams(search);
      query.set('format', format);
      return download(
        client.GET(exportPath(type), { querySerializer: () => query.toString(), parseAs: 'blob' }),
        `${collectionOf(type)}.${format}`,
      );
    },
  });
}

/** Active users, to give records to (needs users:read). */
export function useAssignableUsers(enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['users', 'active'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(client.GET('/api/v1/users', { params: { query: { limit: 200 } } })),
  });
}

export function useCustomFields(type: RecordType) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['custom-fields', type],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(client.GET('/api/v1/custom-fields', { params: { query: { recordType: type } } })),
  });
}

export function usePipelines(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['pipelines'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(client.GET('/api/v1/pipelines')),
  });
}

export function useTimeline(type: RecordType, id: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: recordKeys.section(type, id, 'timeline'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET(timelinePath(type), { params: { path: { id }, query: { limit: 25, cursor: pageParam } } })),
    getNextPageParam: (page: TimelinePage) => page.nextCursor ?? undefined,
  });
}

export function useAttachments(type: RecordType, id: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: recordKeys.section(type, id, 'attachments'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/{collection}/{recordId}/attachments', {
          params: { path: { collection: collectionOf(type), recordId: id }, query: { limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUploadAttachment(type: RecordType, id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        client.POST('/api/v1/{collection}/{recordId}/attachments', {
          params: { path: { collection: collectionOf(type), recordId: id } },
          body: {},
          bodySerializer: () => form,
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordKeys.section(type, id, 'attachments') }),
  });
}

export function useDownloadAttachment() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (attachment: Attachment) =>
      download(
        client.GET('/api/v1/attachments/{id}/content', {
          params: { path: { id: attachment.id as string } },
          parseAs: 'blob',
        }),
        attachment.filename ?? 'attachment',
      ),
  });
}

export function useLeadScore(id: string, enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.section('lead', id, 'score'),
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/leads/{id}/score', { params: { path: { id } } })),
  });
}

export function useScoreHistory(id: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: recordKeys.section('lead', id, 'score-history'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/leads/{id}/score-history', { params: { path: { id }, query: { limit: 20, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAssignments(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.section('lead', id, 'assignments'),
    queryFn: () => unwrap(client.GET('/api/v1/leads/{id}/assignments', { params: { path: { id } } })),
  });
}

export function useDuplicates(type: RecordType, id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.section(type, id, 'duplicates'),
    queryFn: () =>
      unwrap(
        client.GET('/api/v1/{collection}/{id}/duplicates', {
          params: { path: { collection: collectionOf(type), id }, query: { limit: 20 } },
        }),
      ),
  });
}

export interface MergeRequest {
  survivorId: string;
  mergedIds: string[];
  /** Per field (`customFields.<key>` for a custom one), the id of the record whose value wins. */
  fields: Record<string, string>;
}

export function useMerge(type: RecordType) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MergeRequest) =>
      unwrap(
        client.POST('/api/v1/{collection}/merge', {
          params: { path: { collection: collectionOf(type) } },
          body: { ...request },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.type(type) }),
  });
}

export function useRecordProcesses(type: RecordType, id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.section(type, id, 'processes'),
    refetchInterval: 30_000,
    queryFn: () =>
      unwrap(client.GET('/api/v1/{collection}/{id}/processes', { params: { path: { collection: collectionOf(type), id } } })),
  });
}

export function useDealContacts(id: string, enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: recordKeys.section('deal', id, 'contacts'),
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/deals/{id}/contacts', { params: { path: { id } } })),
  });
}

// Imports -------------------------------------------------------------------------------------------------------

export interface ImportRequest {
  type: RecordType;
  file: File;
  /** Column → field; absent: the server maps columns by name. A column mapped to null is left out. */
  mapping?: Record<string, string | null>;
  dryRun: boolean;
  duplicates: 'create' | 'skip' | 'merge';
}

export function useStartImport() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (request: ImportRequest) => {
      const form = new FormData();
      form.append('file', request.file, request.file.name);
      return unwrap(
        client.POST('/api/v1/imports', {
          params: {
            query: {
              recordType: collectionOf(request.type),
              dryRun: request.dryRun,
              duplicates: request.duplicates,
              ...(request.mapping ? { mapping: JSON.stringify(request.mapping) } : {}),
            },
            header: { 'Idempotency-Key': crypto.randomUUID() },
          },
          body: {},
          bodySerializer: () => form,
        }),
      );
    },
  });
}

export const IMPORT_POLL_MS = 1000;

export function isImportRunning(job: ImportJob | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** An import's progress, polled while it runs. */
export function useImportJob(id: string | undefined, pollMs = IMPORT_POLL_MS) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['imports', id],
    enabled: id !== undefined,
    staleTime: 0,
    queryFn: () => unwrap(client.GET('/api/v1/imports/{id}', { params: { path: { id: id as string } } })),
    refetchInterval: (query) => (isImportRunning(query.state.data) ? pollMs : false),
  });
}

export function useImportErrors(id: string | undefined, enabled: boolean) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: ['imports', id, 'errors'],
    enabled: enabled && id !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/imports/{id}/errors', { params: { path: { id: id as string }, query: { limit: 50, cursor: pageParam } } }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCancelImport() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/imports/{id}/cancel', { params: { path: { id } } })),
    onSettled: (_data, _error, id) => queryClient.invalidateQueries({ queryKey: ['imports', id] }),
  });
}

export function useDownloadFailedRows() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (id: string) =>
      download(client.GET('/api/v1/imports/{id}/failed-rows', { params: { path: { id } }, parseAs: 'blob' }), 'failed-rows.csv'),
  });
}

// Bulk actions --------------------------------------------------------------------------------------------------

/** One change of one record, without `If-Match`: the server applies it to the current version. */
export function useRecordWriter(type: RecordType) {
  const { client } = useApi();
  return {
    patch: (id: string, body: Record<string, unknown>) => unwrap(client.PATCH(itemPath(type), { params: { path: { id } }, body })),
    remove: (id: string) => unwrap(client.DELETE(itemPath(type), { params: { path: { id } } })),
  };
}

// Creating and converting ----------------------------------------------------------------------------------------

/** A new record; `idempotencyKey` (one per form) makes a repeated submit create it once. */
export function useCreateRecord(type: RecordType) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Record<string, unknown>; idempotencyKey: string }): Promise<RecordBody> =>
      unwrap(
        client.POST(listPath(type), {
          body: body as Schemas['LeadInput'],
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ) as Promise<RecordBody>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['records', type, 'list'] }),
  });
}

/** What a conversion made or linked. */
export type LeadConversionResult = Schemas['ConvertedLead'];

/** Converts a qualified lead: `accountId` or `account`, `contactId` or `contact`, and an optional `deal`. */
export function useConvertLead(id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>): Promise<LeadConversionResult> =>
      unwrap(client.POST('/api/v1/leads/{id}/convert', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.all }),
  });
}

// Leads routing could not place -----------------------------------------------------------------------------------

export type UnassignedLead = Schemas['UnassignedLead'];
export type UnassignedPage = Schemas['CursorPageUnassignedLead'];
export const UNASSIGNED_PAGE_SIZE = 50;
/** The queue of leads routing could not place; every reassignment refreshes it. */
export const unassignedKey = ['routing', 'unassigned'] as const;

/** The leads routing could not place and nobody has taken since, newest first, page by page. */
export function useUnassignedLeads() {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: unassignedKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/routing/unassigned', { params: { query: { limit: UNASSIGNED_PAGE_SIZE, cursor: pageParam } } })),
    getNextPageParam: (page: UnassignedPage) => page.nextCursor ?? undefined,
  });
}

export type ReassignBody = Schemas['ReassignRequest'];

/**
 * Gives the lead `leadId` to `ownerId` (in `teamId`, when given) with a reason; the lead, its assignments, the lead
 * lists and the queue of unassigned leads are fetched again (the lead leaves the queue at once).
 */
export function useReassignLead() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, ...body }: ReassignBody & { leadId: string }) =>
      unwrap(client.POST('/api/v1/leads/{id}/reassign', { params: { path: { id: leadId } }, body })),
    onSuccess: (_assignment, { leadId }) => {
      queryClient.setQueryData<InfiniteData<UnassignedPage, string | undefined>>(unassignedKey, (queue) =>
        queue && { ...queue, pages: queue.pages.map((page) => ({ ...page, items: (page.items ?? []).filter((l) => l.leadId !== leadId) })) },
      );
      void queryClient.invalidateQueries({ queryKey: ['records', 'lead', leadId] });
      void queryClient.invalidateQueries({ queryKey: ['records', 'lead', 'list'] });
      void queryClient.invalidateQueries({ queryKey: unassignedKey });
    },
  });
}
