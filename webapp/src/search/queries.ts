import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { isRecordType, recordPath } from '../records/queries';

export type Hit = Schemas['Hit'];

/** The types search covers, in the order results are grouped; a type the engine adds later follows these. */
export const SEARCH_TYPES: { type: string; label: string; plural: string }[] = [
  { type: 'lead', label: 'Lead', plural: 'Leads' },
  { type: 'contact', label: 'Contact', plural: 'Contacts' },
  { type: 'account', label: 'Account', plural: 'Accounts' },
  { type: 'deal', label: 'Deal', plural: 'Deals' },
];

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string, type: string | null, limit: number) => ['search', q, type, limit] as const,
};

/** The engine searches for words of two letters or more; anything shorter is not asked. */
export function searchable(q: string): boolean {
  return q
    .trim()
    .split(/[^\p{L}\p{N}@.]+/u)
    .some((word) => word.length >= 2);
}

/** Records matching `q`, best first (typo-tolerant on the server); `type` narrows to one record type. */
export function useSearch(q: string, { type = null, limit = 50 }: { type?: string | null; limit?: number } = {}) {
  const { client } = useApi();
  const query = q.trim();
  return useQuery({
    queryKey: searchKeys.query(query, type, limit),
    enabled: searchable(query),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: async () =>
      (await unwrap(client.GET('/api/v1/search', { params: { query: { q: query, limit, ...(type ? { types: type } : {}) } } })))
        .items ?? [],
  });
}

export interface Group {
  type: string;
  label: string;
  plural: string;
  hits: Hit[];
}

function describe(type: string) {
  return (
    SEARCH_TYPES.find((t) => t.type === type) ?? {
      type,
      label: type.charAt(0).toUpperCase() + type.slice(1),
      plural: `${type.charAt(0).toUpperCase()}${type.slice(1)}s`,
    }
  );
}

/** Hits grouped by record type (leads, contacts, accounts, deals, then any other), best first within each. */
export function groupByType(hits: Hit[]): Group[] {
  const groups = new Map<string, Group>();
  for (const hit of hits) {
    const type = hit.type ?? 'record';
    if (!groups.has(type)) groups.set(type, { ...describe(type), hits: [] });
    groups.get(type)?.hits.push(hit);
  }
  const order = (type: string) => {
    const i = SEARCH_TYPES.findIndex((t) => t.type === type);
    return i < 0 ? SEARCH_TYPES.length : i;
  };
  return [...groups.values()].sort((a, b) => order(a.type) - order(b.type));
}

export function typeLabel(type: string | undefined): string {
  return describe(type ?? 'record').label;
}

/** The record page of a hit (`/leads/{id}`, …, and the same pattern for a type added later); null without an id. */
export function hitPath(hit: Hit): string | null {
  if (!hit.id) return null;
  return isRecordType(hit.type) ? recordPath(hit.type, hit.id) : `/${hit.type}s/${hit.id}`;
}

/** The query's words, for highlighting them in titles (the engine says nothing about which words matched). */
export function queryWords(q: string): string[] {
  return q
    .trim()
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter((word) => word.length >= 2);
}
