// Saved list views. The server has no API for them yet: they stay in this browser's localStorage, per workspace,
// user and record type.
import type { RecordType } from './queries';

export interface SavedView {
  name: string;
  /** The list page's query string (filters, sort, columns). */
  search: string;
}

export function viewsKey(tenant: string | undefined, userId: string | undefined, type: RecordType): string {
  return `salesflow.views.${tenant ?? '-'}.${userId ?? '-'}.${type}`;
}

export function loadViews(key: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.search === 'string')
      : [];
  } catch {
    return [];
  }
}

export function storeViews(key: string, views: SavedView[]) {
  localStorage.setItem(key, JSON.stringify(views));
}
