// A list's state lives in the page URL (shareable, back-button friendly, what saved views store); this turns it
// into the list API's query language (docs/api.md "Lists of records").
import type { TypeConfig } from './config';

export interface SortKey {
  field: string;
  desc: boolean;
}

export interface ListState {
  /** Filter values by the filter's key; multi-value filters comma-separated. */
  filters: Record<string, string>;
  sort: SortKey[];
  columns: string[];
}

export function parseSort(value: string | null | undefined): SortKey[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part.startsWith('-') ? { field: part.slice(1), desc: true } : { field: part, desc: false }));
}

export function sortParam(sort: SortKey[]): string {
  return sort.map((key) => (key.desc ? '-' : '') + key.field).join(',');
}

export function readListState(config: TypeConfig, params: URLSearchParams): ListState {
  const filters: Record<string, string> = {};
  for (const filter of config.filters) {
    const value = params.get(filter.key);
    if (value) filters[filter.key] = value;
  }
  const sortable = new Set(config.columns.filter((c) => c.sortable).map((c) => c.key));
  const sort = parseSort(params.get('sort') ?? config.defaultSort).filter((key) => sortable.has(key.field));
  const known = new Set(config.columns.map((c) => c.key));
  const cols = params.get('cols');
  const columns = cols
    ? cols.split(',').filter((c) => known.has(c))
    : config.columns.filter((c) => c.initial).map((c) => c.key);
  return { filters, sort, columns };
}

/** The page URL's query for a state; defaults are left out. */
export function writeListState(config: TypeConfig, state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const filter of config.filters) {
    const value = state.filters[filter.key];
    if (value) params.set(filter.key, value);
  }
  const sort = sortParam(state.sort);
  if (sort !== config.defaultSort) params.set('sort', sort);
  const initial = config.columns.filter((c) => c.initial).map((c) => c.key);
  if (state.columns.join(',') !== initial.join(',')) params.set('cols', state.columns.join(','));
  return params;
}

/**
 * Header click: a plain click sorts by that column alone (ascending, then descending, then back to the default);
 * a shift-click adds it as a further key, or turns an existing key around, or (descending) takes it out.
 */
export function toggleSort(sort: SortKey[], field: string, additive: boolean): SortKey[] {
  const existing = sort.find((key) => key.field === field);
  if (!additive) {
    if (sort.length === 1 && existing) return existing.desc ? [] : [{ field, desc: true }];
    return [{ field, desc: false }];
  }
  if (!existing) return [...sort, { field, desc: false }];
  if (!existing.desc) return sort.map((key) => (key.field === field ? { field, desc: true } : key));
  return sort.filter((key) => key.field !== field);
}

/** The list API's query (without `limit`/`cursor`): filters, sort, the fields the columns show and their embeds. */
export function apiListQuery(config: TypeConfig, state: ListState, me: { id?: string }): URLSearchParams {
  const query = new URLSearchParams();
  for (const filter of config.filters) {
    const value = state.filters[filter.key]?.trim();
    if (!value) continue;
    switch (filter.kind) {
      case 'text':
        query.set(`${filter.field}[${filter.op}]`, value);
        break;
      case 'multi':
        query.set(`${filter.field}[in]`, value);
        break;
      case 'stage':
        query.set('stageId[in]', value);
        break;
      case 'min':
        if (Number.isFinite(Number(value))) query.set(`${filter.field}[gte]`, value);
        break;
      case 'owner':
        if (value === 'me') {
          if (me.id) query.set('ownerId', me.id);
        } else if (value === 'none') query.set('ownerId[isNull]', 'true');
        else query.set('ownerId', value);
        break;
    }
  }
  query.set('sort', sortParam(state.sort.length ? state.sort : parseSort(config.defaultSort)));
  const fields = new Set(config.titleFields);
  const embeds = new Set<string>();
  for (const key of state.columns) {
    const column = config.columns.find((c) => c.key === key);
    if (!column) continue;
    (column.fields ?? [column.key]).forEach((f) => fields.add(f));
    if (column.embed) embeds.add(column.embed);
  }
  if (config.statuses) fields.add('status');
  query.set('fields', [...fields].join(','));
  if (embeds.size) query.set('embed', [...embeds].join(','));
  return query;
}
