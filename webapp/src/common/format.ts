// Dates, times and money as the person reading them expects: their locale and time zone.

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "6 Dec 2026, 14:05" another day. */
export function formatMoment(at: Date, now: Date = new Date()): string {
  return sameDay(at, now) ? time.format(at) : dateTime.format(at);
}

export function formatDateTime(iso: string | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso: string | undefined): string {
  return iso ? date.format(new Date(iso)) : '—';
}

export function formatMoney(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency || 'EUR',
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString()} ${currency ?? ''}`.trim();
  }
}

export function formatPercent(value: number | undefined): string {
  return value === undefined || value === null ? '—' : `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;
}

export type Urgency = 'overdue' | 'today' | 'later' | 'none';

export function urgency(due: string | undefined, now: Date = new Date()): Urgency {
  if (!due) return 'none';
  const at = new Date(due);
  if (at.getTime() < now.getTime()) return 'overdue';
  return sameDay(at, now) ? 'today' : 'later';
}

/** The IANA time zones this browser knows, for pickers; empty where it cannot list them. */
export function timeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** "09:00" as a clock in `zone` shows `iso` (a zone the browser does not know: in the reader's own). */
export function timeIn(iso: string, zone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
  } catch {
    return time.format(new Date(iso));
  }
}
