// Narrowing of record values: records are `{[field]: unknown}` until the server's document describes them.
import type { RecordBody } from '../api/types';

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value at a field path: `email`, `customFields.tier`, `billingAddress.city`. */
export function valueAt(record: RecordBody | undefined, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    current = obj(current)?.[part];
  }
  return current;
}

/** A flat patch (`{"customFields.tier": "Key"}`) as the merge-patch body the server reads. */
export function patchBody(flat: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let target = body;
    parts.slice(0, -1).forEach((part) => {
      target[part] = obj(target[part]) ?? {};
      target = target[part] as Record<string, unknown>;
    });
    target[parts[parts.length - 1] as string] = value;
  }
  return body;
}

/** How a value reads in a cell or a comparison. */
export function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(display).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (blank(a) && blank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function embeddedName(record: RecordBody, key: string): string | undefined {
  const embedded = obj(record[key]);
  return text(embedded?.displayName) ?? text(embedded?.name);
}
