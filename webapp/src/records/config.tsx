import { Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RecordBody } from '../api/types';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../common/format';
import type { RecordType } from './queries';
import { display, embeddedName, num, text } from './values';

export interface Option {
  value: string;
  label: string;
}

export interface ColumnDef {
  /** The column's id, and the sort key when `sortable`. */
  key: string;
  label: string;
  sortable?: boolean;
  /** Shown unless the user chose otherwise. */
  initial?: boolean;
  /** The API fields the cell reads (`fields=`); the key when absent. */
  fields?: string[];
  /** Related records the cell shows (`embed=`). */
  embed?: string;
  width?: number;
  render?: (record: RecordBody) => ReactNode;
}

export type FilterDef =
  | { kind: 'text'; key: string; label: string; field: string; op: 'contains' | 'startsWith' | 'has' }
  | { kind: 'multi'; key: string; label: string; field: string; options: Option[] }
  | { kind: 'owner'; key: 'owner'; label: string }
  | { kind: 'stage'; key: 'stage'; label: string }
  | { kind: 'min'; key: string; label: string; field: string };

export type FieldKind = 'text' | 'email' | 'url' | 'textarea' | 'number' | 'date' | 'select' | 'boolean' | 'stage' | 'timeZone';

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  options?: Option[];
  /** The server refuses a new record without it. */
  required?: boolean;
}

export interface TypeConfig {
  type: RecordType;
  label: string;
  plural: string;
  writePermission: string;
  readPermission: string;
  columns: ColumnDef[];
  filters: FilterDef[];
  /** The page's editable fields, in order. */
  fields: FieldDef[];
  /** The fields of the "New …" form, in order: the required ones and the few people know first. */
  createFields: FieldDef[];
  statuses?: Option[];
  defaultSort: string;
  /** Fields every list row needs besides its columns (the title, for links and summaries). */
  titleFields: string[];
  importable: boolean;
  hasDuplicates: boolean;
}

const opts = (...values: string[]): Option[] => values.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) }));

export const LEAD_STATUSES = opts('new', 'contacted', 'qualified', 'unqualified', 'converted');
const CONTACT_STATUSES = opts('active', 'inactive', 'bounced', 'unsubscribed');
const DEAL_STATUSES = opts('open', 'won', 'lost', 'abandoned');
export const SCORE_BANDS = opts('hot', 'warm', 'cold');
export const LEAD_SOURCES: Option[] = [
  { value: 'web_form', label: 'Web form' },
  { value: 'referral', label: 'Referral' },
  { value: 'event', label: 'Event' },
  { value: 'inbound_email', label: 'Inbound email' },
  { value: 'outbound', label: 'Outbound' },
  { value: 'partner', label: 'Partner' },
  { value: 'social', label: 'Social' },
  { value: 'api', label: 'API' },
  { value: 'import', label: 'Import' },
  { value: 'other', label: 'Other' },
];

const BAND_COLOR: Record<string, string> = { hot: 'red', warm: 'orange', cold: 'blue' };
const STATUS_COLOR: Record<string, string> = {
  new: 'blue',
  contacted: 'cyan',
  qualified: 'teal',
  unqualified: 'gray',
  converted: 'green',
  won: 'green',
  lost: 'red',
  abandoned: 'gray',
  bounced: 'orange',
  unsubscribed: 'gray',
};

export function StatusBadge({ status }: { status: unknown }) {
  const value = text(status);
  if (!value) return <Text span c="dimmed">—</Text>;
  return (
    <Badge variant="light" color={STATUS_COLOR[value] ?? 'gray'}>
      {value}
    </Badge>
  );
}

export function ScoreBadge({ score, band }: { score: unknown; band: unknown }) {
  const value = num(score);
  const b = text(band);
  if (value === undefined) return <Text span c="dimmed" size="sm">Not scored</Text>;
  return (
    <Badge variant="light" color={BAND_COLOR[b ?? ''] ?? 'gray'} aria-label={`Score ${value}${b ? `, ${b}` : ''}`}>
      {value}
      {b ? ` · ${b}` : ''}
    </Badge>
  );
}

const person = (r: RecordBody) => [text(r.firstName), text(r.lastName)].filter(Boolean).join(' ');
const plain = (key: string) => (r: RecordBody) => display(r[key]);

const owner: ColumnDef = {
  key: 'owner',
  label: 'Owner',
  fields: ['ownerId'],
  embed: 'owner',
  initial: true,
  render: (r) => embeddedName(r, 'owner') ?? (r.ownerId ? 'Someone else' : 'Nobody'),
};
const tags: ColumnDef = { key: 'tags', label: 'Tags', render: (r) => display(r.tags) };
const created: ColumnDef = { key: 'createdAt', label: 'Created', sortable: true, render: (r) => formatDate(text(r.createdAt)) };
const updated: ColumnDef = {
  key: 'updatedAt',
  label: 'Updated',
  sortable: true,
  initial: true,
  render: (r) => formatDateTime(text(r.updatedAt)),
};
const ownerFilter: FilterDef = { kind: 'owner', key: 'owner', label: 'Owner' };
const tagFilter: FilterDef = { kind: 'text', key: 'tag', label: 'Tag', field: 'tags', op: 'has' };

export const CONFIGS: Record<RecordType, TypeConfig> = {
  lead: {
    type: 'lead',
    label: 'Lead',
    plural: 'Leads',
    readPermission: 'leads:read',
    writePermission: 'leads:write',
    defaultSort: '-createdAt',
    titleFields: ['firstName', 'lastName', 'company'],
    importable: true,
    hasDuplicates: true,
    statuses: LEAD_STATUSES.filter((s) => s.value !== 'converted'),
    columns: [
      { key: 'lastName', label: 'Name', sortable: true, initial: true, fields: ['firstName', 'lastName'], render: (r) => person(r) || 'Unnamed lead' },
      { key: 'company', label: 'Company', sortable: true, initial: true, render: plain('company') },
      { key: 'status', label: 'Status', sortable: true, initial: true, render: (r) => <StatusBadge status={r.status} /> },
      { key: 'score', label: 'Score', sortable: true, initial: true, fields: ['score', 'scoreBand'], render: (r) => <ScoreBadge score={r.score} band={r.scoreBand} /> },
      { key: 'email', label: 'Email', sortable: true, initial: true, render: plain('email') },
      { key: 'phone', label: 'Phone', sortable: true, render: plain('phone') },
      { key: 'title', label: 'Job title', sortable: true, render: plain('title') },
      { key: 'source', label: 'Source', sortable: true, render: plain('source') },
      { key: 'country', label: 'Country', sortable: true, render: plain('country') },
      { key: 'industry', label: 'Industry', sortable: true, render: plain('industry') },
      owner,
      tags,
      created,
      updated,
    ],
    filters: [
      { kind: 'text', key: 'company', label: 'Company contains', field: 'company', op: 'contains' },
      { kind: 'text', key: 'name', label: 'Last name starts with', field: 'lastName', op: 'startsWith' },
      { kind: 'multi', key: 'status', label: 'Status', field: 'status', options: LEAD_STATUSES },
      { kind: 'multi', key: 'band', label: 'Score band', field: 'scoreBand', options: SCORE_BANDS },
      { kind: 'min', key: 'minScore', label: 'Score at least', field: 'score' },
      ownerFilter,
      tagFilter,
    ],
    createFields: [
      { key: 'firstName', label: 'First name', kind: 'text' },
      { key: 'lastName', label: 'Last name', kind: 'text' },
      { key: 'company', label: 'Company', kind: 'text' },
      { key: 'email', label: 'Email', kind: 'email' },
      { key: 'phone', label: 'Phone', kind: 'text' },
      { key: 'source', label: 'Source', kind: 'select', options: LEAD_SOURCES, required: true },
    ],
    fields: [
      { key: 'firstName', label: 'First name', kind: 'text' },
      { key: 'lastName', label: 'Last name', kind: 'text' },
      { key: 'company', label: 'Company', kind: 'text' },
      { key: 'title', label: 'Job title', kind: 'text' },
      { key: 'email', label: 'Email', kind: 'email' },
      { key: 'phone', label: 'Phone', kind: 'text' },
      { key: 'website', label: 'Website', kind: 'url' },
      { key: 'industry', label: 'Industry', kind: 'text' },
      { key: 'companySize', label: 'Company size', kind: 'text' },
      { key: 'country', label: 'Country', kind: 'text' },
      { key: 'region', label: 'Region', kind: 'text' },
      { key: 'postalCode', label: 'Postal code', kind: 'text' },
      { key: 'language', label: 'Language', kind: 'text' },
      { key: 'timeZone', label: 'Time zone', kind: 'timeZone' },
      { key: 'productInterest', label: 'Product interest', kind: 'text' },
      { key: 'source', label: 'Source', kind: 'select', options: LEAD_SOURCES },
      { key: 'status', label: 'Status', kind: 'select', options: LEAD_STATUSES.filter((s) => s.value !== 'converted') },
      { key: 'unqualifiedReason', label: 'Unqualified reason', kind: 'text' },
    ],
  },
  contact: {
    type: 'contact',
    label: 'Contact',
    plural: 'Contacts',
    readPermission: 'contacts:read',
    writePermission: 'contacts:write',
    defaultSort: 'lastName',
    titleFields: ['firstName', 'lastName', 'email'],
    importable: true,
    hasDuplicates: true,
    statuses: CONTACT_STATUSES,
    columns: [
      { key: 'lastName', label: 'Name', sortable: true, initial: true, fields: ['firstName', 'lastName'], render: (r) => person(r) || display(r.email) },
      { key: 'title', label: 'Job title', sortable: true, initial: true, render: plain('title') },
      { key: 'account', label: 'Account', fields: ['accountId'], embed: 'account', initial: true, render: (r) => embeddedName(r, 'account') ?? '—' },
      { key: 'email', label: 'Email', sortable: true, initial: true, render: plain('email') },
      { key: 'phone', label: 'Phone', sortable: true, render: plain('phone') },
      { key: 'status', label: 'Status', sortable: true, initial: true, render: (r) => <StatusBadge status={r.status} /> },
      { key: 'source', label: 'Source', sortable: true, render: plain('source') },
      owner,
      tags,
      created,
      updated,
    ],
    filters: [
      { kind: 'text', key: 'name', label: 'Last name starts with', field: 'lastName', op: 'startsWith' },
      { kind: 'text', key: 'email', label: 'Email contains', field: 'email', op: 'contains' },
      { kind: 'multi', key: 'status', label: 'Status', field: 'status', options: CONTACT_STATUSES },
      ownerFilter,
      tagFilter,
    ],
    createFields: [
      { key: 'firstName', label: 'First name', kind: 'text' },
      { key: 'lastName', label: 'Last name', kind: 'text' },
      { key: 'email', label: 'Email', kind: 'email' },
      { key: 'phone', label: 'Phone', kind: 'text' },
      { key: 'title', label: 'Job title', kind: 'text' },
    ],
    fields: [
      { key: 'firstName', label: 'First name', kind: 'text' },
      { key: 'lastName', label: 'Last name', kind: 'text' },
      { key: 'title', label: 'Job title', kind: 'text' },
      { key: 'accountRole', label: 'Role at the account', kind: 'text' },
      { key: 'email', label: 'Email', kind: 'email' },
      { key: 'phone', label: 'Phone', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'select', options: CONTACT_STATUSES },
      { key: 'source', label: 'Source', kind: 'text' },
      { key: 'preferredLanguage', label: 'Preferred language', kind: 'text' },
      { key: 'timeZone', label: 'Time zone', kind: 'timeZone' },
      { key: 'emailOptIn', label: 'Email opt-in', kind: 'boolean' },
      { key: 'smsOptIn', label: 'SMS opt-in', kind: 'boolean' },
      { key: 'whatsappOptIn', label: 'WhatsApp opt-in', kind: 'boolean' },
    ],
  },
  account: {
    type: 'account',
    label: 'Account',
    plural: 'Accounts',
    readPermission: 'accounts:read',
    writePermission: 'accounts:write',
    defaultSort: 'name',
    titleFields: ['name'],
    importable: true,
    hasDuplicates: true,
    columns: [
      { key: 'name', label: 'Name', sortable: true, initial: true, render: (r) => display(r.name) },
      { key: 'domain', label: 'Domain', sortable: true, initial: true, render: plain('domain') },
      { key: 'industry', label: 'Industry', sortable: true, initial: true, render: plain('industry') },
      { key: 'size', label: 'Size', sortable: true, initial: true, render: plain('size') },
      { key: 'territory', label: 'Territory', sortable: true, render: plain('territory') },
      { key: 'website', label: 'Website', sortable: true, render: plain('website') },
      owner,
      tags,
      created,
      updated,
    ],
    filters: [
      { kind: 'text', key: 'name', label: 'Name contains', field: 'name', op: 'contains' },
      { kind: 'text', key: 'industry', label: 'Industry contains', field: 'industry', op: 'contains' },
      ownerFilter,
      tagFilter,
    ],
    createFields: [
      { key: 'name', label: 'Name', kind: 'text', required: true },
      { key: 'domain', label: 'Domain', kind: 'text' },
      { key: 'industry', label: 'Industry', kind: 'text' },
    ],
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'domain', label: 'Domain', kind: 'text' },
      { key: 'website', label: 'Website', kind: 'url' },
      { key: 'industry', label: 'Industry', kind: 'text' },
      { key: 'size', label: 'Size', kind: 'text' },
      { key: 'territory', label: 'Territory', kind: 'text' },
    ],
  },
  deal: {
    type: 'deal',
    label: 'Deal',
    plural: 'Deals',
    readPermission: 'deals:read',
    writePermission: 'deals:write',
    defaultSort: 'expectedCloseDate',
    titleFields: ['name'],
    importable: false,
    hasDuplicates: false,
    statuses: DEAL_STATUSES,
    columns: [
      { key: 'name', label: 'Name', sortable: true, initial: true, render: (r) => display(r.name) },
      { key: 'account', label: 'Account', fields: ['accountId'], embed: 'account', initial: true, render: (r) => embeddedName(r, 'account') ?? '—' },
      { key: 'stage', label: 'Stage', fields: ['stageId'], embed: 'stage', initial: true, render: (r) => embeddedName(r, 'stage') ?? '—' },
      { key: 'amount', label: 'Amount', sortable: true, initial: true, fields: ['amount', 'currency'], render: (r) => formatMoney(num(r.amount), text(r.currency)) },
      { key: 'status', label: 'Status', sortable: true, initial: true, render: (r) => <StatusBadge status={r.status} /> },
      { key: 'expectedCloseDate', label: 'Expected close', sortable: true, initial: true, render: (r) => formatDate(text(r.expectedCloseDate)) },
      { key: 'probability', label: 'Probability', sortable: true, render: (r) => formatPercent(num(r.probability)) },
      { key: 'weightedAmount', label: 'Weighted', sortable: true, fields: ['weightedAmount', 'currency'], render: (r) => formatMoney(num(r.weightedAmount), text(r.currency)) },
      owner,
      tags,
      created,
      updated,
    ],
    filters: [
      { kind: 'text', key: 'name', label: 'Name contains', field: 'name', op: 'contains' },
      { kind: 'multi', key: 'status', label: 'Status', field: 'status', options: DEAL_STATUSES },
      { kind: 'stage', key: 'stage', label: 'Stage' },
      { kind: 'min', key: 'minAmount', label: 'Amount at least', field: 'amount' },
      ownerFilter,
      tagFilter,
    ],
    createFields: [
      { key: 'name', label: 'Name', kind: 'text', required: true },
      { key: 'amount', label: 'Amount', kind: 'number', required: true },
      { key: 'currency', label: 'Currency', kind: 'text', required: true },
      { key: 'expectedCloseDate', label: 'Expected close', kind: 'date' },
    ],
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'stageId', label: 'Stage', kind: 'stage' },
      { key: 'amount', label: 'Amount', kind: 'number' },
      { key: 'currency', label: 'Currency', kind: 'text' },
      { key: 'discountPercent', label: 'Discount %', kind: 'number' },
      { key: 'marginPercent', label: 'Margin %', kind: 'number' },
      { key: 'region', label: 'Region', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'select', options: DEAL_STATUSES },
      { key: 'expectedCloseDate', label: 'Expected close', kind: 'date' },
      { key: 'probability', label: 'Probability %', kind: 'number' },
      { key: 'closeNote', label: 'Close note', kind: 'textarea' },
    ],
  },
};
