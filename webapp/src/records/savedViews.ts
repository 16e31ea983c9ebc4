// Saved list views live on the server (`/api/v1/saved-views`): they follow the user to any browser and can be
// shared with their teams or the workspace. A view keeps the list's state in the list language's terms; this turns
// the page URL's state into that and back. Views an older version kept in this browser's localStorage are moved to
// the server once, then removed here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import type { TypeConfig } from './config';
import { readListState, writeListState, type ListState } from './listQuery';
import type { RecordType } from './queries';

export type SavedView = Schemas['SavedView'];
export type ViewState = Schemas['SavedViewState'];
export type Visibility = 'private' | 'team' | 'workspace';

export const VISIBILITIES: { value: Visibility; label: string }[] = [
  { value: 'private', label: 'Only me' },
  { value: 'team', label: 'My teams' },
  { value: 'workspace', label: 'Everyone in the workspace' },
];

/** The list page's state as a view keeps it. */
export function toViewState(config: TypeConfig, state: ListState): ViewState {
  const filters: NonNullable<ViewState['filters']> = [];
  for (const filter of config.filters) {
    const value = state.filters[filter.key]?.trim();
    if (!value) continue;
    switch (filter.kind) {
      case 'text':
        filters.push({ field: filter.field, op: filter.op, value });
        break;
      case 'multi':
        filters.push({ field: filter.field, op: 'in', value });
        break;
      case 'stage':
        filters.push({ field: 'stageId', op: 'in', value });
        break;
      case 'min':
        filters.push({ field: filter.field, op: 'gte', value });
        break;
      case 'owner':
        filters.push(value === 'none' ? { field: 'ownerId', op: 'isNull', value: 'true' } : { field: 'ownerId', op: 'eq', value });
        break;
    }
  }
  return {
    filters,
    sort: state.sort.map((key) => ({ field: key.field, direction: key.desc ? 'desc' : 'asc' })),
    columns: state.columns,
  };
}

/** The page URL's query for a view's state; filters the page has no control for are left out. */
export function fromViewState(config: TypeConfig, view: ViewState): URLSearchParams {
  const filters: Record<string, string> = {};
  for (const f of view.filters ?? []) {
    const match = config.filters.find((filter) => {
      switch (filter.kind) {
        case 'text':
          return filter.field === f.field && filter.op === f.op;
        case 'multi':
          return filter.field === f.field && f.op === 'in';
        case 'stage':
          return f.field === 'stageId' && f.op === 'in';
        case 'min':
          return filter.field === f.field && f.op === 'gte';
        case 'owner':
          return f.field === 'ownerId' && (f.op === 'eq' || f.op === 'isNull');
      }
      return false;
    });
    if (match && f.value) filters[match.key] = match.kind === 'owner' && f.op === 'isNull' ? 'none' : f.value;
  }
  const state: ListState = {
    filters,
    sort: (view.sort ?? []).map((key) => ({ field: key.field ?? '', desc: key.direction === 'desc' })),
    columns: view.columns?.length ? view.columns : config.columns.filter((c) => c.initial).map((c) => c.key),
  };
  return writeListState(config, state);
}

export const savedViewKeys = {
  list: (type: RecordType) => ['saved-views', type] as const,
};

/** The caller's views of a list and those shared with them (the first 200, by name). */
export function useSavedViews(type: RecordType) {
  const { client } = useApi();
  return useQuery({
    queryKey: savedViewKeys.list(type),
    queryFn: () => unwrap(client.GET('/api/v1/saved-views', { params: { query: { recordType: type, limit: 200 } } })),
  });
}

export function useSaveView(type: RecordType) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; state: ViewState; visibility: Visibility }) =>
      unwrap(client.POST('/api/v1/saved-views', { body: { recordType: type, ...body } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(type) }),
  });
}

export function useChangeView(type: RecordType) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ view, change }: { view: SavedView; change: { name?: string; state?: ViewState; visibility?: Visibility } }) =>
      unwrap(
        client.PATCH('/api/v1/saved-views/{id}', {
          params: { path: { id: view.id ?? '' }, header: { 'If-Match': `"${view.version ?? 0}"` } },
          body: change,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(type) }),
  });
}

export function useDeleteView(type: RecordType) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) =>
      unwrap(
        client.DELETE('/api/v1/saved-views/{id}', {
          params: { path: { id: view.id ?? '' }, header: { 'If-Match': `"${view.version ?? 0}"` } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(type) }),
  });
}

/** Makes the view the one the list opens with, or stops that. */
export function useDefaultView(type: RecordType) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ view, on }: { view: SavedView; on: boolean }) => {
      const options = { params: { path: { id: view.id ?? '' } } };
      return unwrap(
        on ? client.PUT('/api/v1/saved-views/{id}/default', options) : client.DELETE('/api/v1/saved-views/{id}/default', options),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(type) }),
  });
}

// --- Views kept in this browser by earlier versions --------------------------------------------------------------

interface LocalView {
  name: string;
  /** The list page's query string. */
  search: string;
}

export function legacyViewsKey(tenant: string | undefined, userId: string | undefined, type: RecordType): string {
  return `salesflow.views.${tenant ?? '-'}.${userId ?? '-'}.${type}`;
}

export function loadLegacyViews(key: string): LocalView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((v): v is LocalView => typeof v?.name === 'string' && typeof v?.search === 'string')
      : [];
  } catch {
    return [];
  }
}

const moving = new Set<string>();

/**
 * Moves the views this browser kept under `key` to the server as private views, then forgets them here. A name the
 * user has on the server already is kept there as it is, and a view the server refuses is dropped; when the server
 * cannot be reached they stay here for the next try. Returns how many were moved.
 */
export async function moveLegacyViews(
  key: string,
  config: TypeConfig,
  save: (body: { name: string; state: ViewState; visibility: Visibility }) => Promise<unknown>,
  existing: string[],
): Promise<number> {
  if (moving.has(key) || localStorage.getItem(key) === null) return 0;
  moving.add(key);
  try {
    const taken = new Set(existing.map((n) => n.toLowerCase()));
    let moved = 0;
    for (const view of loadLegacyViews(key)) {
      const name = view.name.trim().slice(0, 80);
      if (!name || taken.has(name.toLowerCase())) continue;
      try {
        await save({ name, state: toViewState(config, readListState(config, new URLSearchParams(view.search))), visibility: 'private' });
        moved++;
      } catch (error) {
        if (!(error instanceof ApiError) || ![400, 409, 422].includes(error.status)) throw error;
      }
      taken.add(name.toLowerCase());
    }
    localStorage.removeItem(key);
    return moved;
  } finally {
    moving.delete(key);
  }
}
