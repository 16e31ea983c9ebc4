import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, ME, renderRecords } from '../test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('../RecordPage');
});

const A = `/api/v1/leads/${LEAD_A.id}`;
const ACME = { id: 'acc00000-0000-4000-8000-000000000001', name: 'Acme Corp' };
const GLOBEX = { id: 'acc00000-0000-4000-8000-000000000002', name: 'Globex' };
const LOOKUPS = [
  { key: 'partner', label: 'Partner account', type: 'lookup', lookupTarget: 'account', archived: false },
  { key: 'referrer', label: 'Referred by', type: 'lookup', lookupTarget: 'user', archived: false },
];
const empty = json(200, { items: [], nextCursor: null });

describe('lookup custom fields on a record page', () => {
  it('link to the record they point at by its title and change it through a search', async () => {
    const lead = { ...LEAD_A, customFields: { partner: ACME.id, referrer: ME.id } };
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      'GET /api/v1/custom-fields': [json(200, LOOKUPS)],
      'GET /api/v1/users': [json(200, { items: [ME], nextCursor: null })],
      [`GET ${A}/timeline`]: [empty, empty],
      [`GET ${A}`]: [json(200, lead, { ETag: '"3"' })],
      [`GET /api/v1/accounts/${ACME.id}`]: [json(200, ACME)],
      [`GET /api/v1/accounts/${GLOBEX.id}`]: [json(200, GLOBEX)],
      'GET /api/v1/search': [json(200, { items: [{ id: GLOBEX.id, type: 'account', title: 'Globex' }] })],
      [`PATCH ${A}`]: [json(200, { ...lead, customFields: { ...lead.customFields, partner: GLOBEX.id }, version: 4 }, { ETag: '"4"' })],
    });
    const link = await screen.findByRole('link', { name: 'Acme Corp' });
    expect(link.getAttribute('href')).toBe(`/accounts/${ACME.id}`);
    expect(within(screen.getByText('Referred by').parentElement as HTMLElement).getByText('Rita Rep')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit Partner account' }));
    const picker = screen.getByRole('combobox', { name: 'Partner account' });
    expect((picker as HTMLInputElement).value).toBe('Acme Corp');
    fireEvent.change(picker, { target: { value: 'Glo' } });
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/search')?.query.get('types')).toBe('account'));
    fireEvent.click(await screen.findByRole('option', { name: 'Globex', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('link', { name: 'Globex' })).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ customFields: { partner: GLOBEX.id } });
    expect(patch?.headers.get('If-Match')).toBe('"3"');
  });

  it('show a record the caller cannot read without a link', async () => {
    renderRecords(`/leads/${LEAD_A.id}`, {
      'GET /api/v1/custom-fields': [json(200, LOOKUPS.slice(0, 1))],
      'GET /api/v1/users': [empty],
      [`GET ${A}/timeline`]: [empty],
      [`GET ${A}`]: [json(200, { ...LEAD_A, customFields: { partner: ACME.id } }, { ETag: '"3"' })],
      [`GET /api/v1/accounts/${ACME.id}`]: [json(404, { status: 404, title: 'Not found' })],
    });
    const details = await screen.findByText('Partner account');
    expect(await within(details.parentElement as HTMLElement).findByText('A record you cannot see')).toBeTruthy();
  });
});
