import type { RecordBody } from '../api/types';
import { formatMoney } from '../common/format';

// What a board card shows, read from the deal record (a map: the engine's record API has no fixed schema).

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function embedded(value: unknown, field: string): string | undefined {
  return value && typeof value === 'object' && field in value ? text((value as Record<string, unknown>)[field]) : undefined;
}

export function dealId(deal: RecordBody): string {
  return String(deal.id);
}

export function dealName(deal: RecordBody): string {
  return text(deal.name) ?? 'Unnamed deal';
}

export function dealAccount(deal: RecordBody): string | undefined {
  return embedded(deal.account, 'name');
}

export function dealOwner(deal: RecordBody): string | undefined {
  return embedded(deal.owner, 'displayName') ?? embedded(deal.owner, 'email');
}

export function dealAmount(deal: RecordBody): number | undefined {
  const amount = typeof deal.amount === 'number' ? deal.amount : Number(deal.amount);
  return Number.isFinite(amount) ? amount : undefined;
}

export function dealCurrency(deal: RecordBody): string {
  return text(deal.currency) ?? 'EUR';
}

/** PENDING, APPROVED or REJECTED while an approval governs the deal. */
export function approvalStatus(deal: RecordBody): string | undefined {
  return text(deal.approvalStatus);
}

const DAY = 86_400_000;

/** Whole days since the deal entered its stage (since it was created when the engine has no entry time). */
export function daysInStage(deal: RecordBody, now: Date = new Date()): number | undefined {
  const since = text(deal.stageEnteredAt) ?? text(deal.createdAt);
  if (!since) return undefined;
  const at = Date.parse(since);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.floor((now.getTime() - at) / DAY));
}

export function closeDate(deal: RecordBody): string | undefined {
  return text(deal.expectedCloseDate);
}

/** "€120,000 + $5,000": the column's deals added up per currency, the largest first. */
export function totalOf(deals: RecordBody[]): string {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    const amount = dealAmount(deal);
    if (amount !== undefined) sums.set(dealCurrency(deal), (sums.get(dealCurrency(deal)) ?? 0) + amount);
  }
  if (sums.size === 0) return formatMoney(0, 'EUR');
  return [...sums.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([currency, sum]) => formatMoney(sum, currency))
    .join(' + ');
}
