import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, LEAD_B, renderRecords } from './test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('./RecordPage');
});

const A = `/api/v1/leads/${LEAD_A.id}`;
const base = {
  'GET /api/v1/custom-fields': [json(200, [])],
  'GET /api/v1/users': [json(200, { items: [], nextCursor: null })],
  [`GET ${A}/timeline`]: [json(200, { items: [], nextCursor: null })],
};

describe('record page', () => {
  it('shows a 412 conflict field by field and retries with the fresh ETag', async () => {
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      ...base,
      [`GET ${A}`]: [
        json(200, LEAD_A, { ETag: '"3"' }),
        json(200, { ...LEAD_A, company: 'Analytical Engines', version: 4 }, { ETag: '"4"' }),
      ],
      [`PATCH ${A}`]: [
        json(412, { type: '/problems/precondition-failed', status: 412, title: 'Precondition failed', currentETag: '"4"' }),
        json(200, { ...LEAD_A, company: 'Engines Ltd', version: 5 }, { ETag: '"5"' }),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Company' }));
    fireEvent.change(screen.getByLabelText('Company'), { target: { value: 'Engines Ltd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Theirs: Analytical Engines')).toBeTruthy();
    expect(within(dialog).getByText('Yours: Engines Ltd')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Save my choices' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Yours: Engines Ltd' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save my choices' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));

    const [first, retry] = calls.filter((c) => c.method === 'PATCH');
    expect(first?.headers.get('If-Match')).toBe('"3"');
    expect(retry?.headers.get('If-Match')).toBe('"4"');
    expect(retry?.body).toEqual({ company: 'Engines Ltd' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Engines Ltd')).toBeTruthy();
  });

  it('shows the lead’s time zone and saves a new one, and an unknown zone is refused on the field', async () => {
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      ...base,
      [`GET ${A}`]: [json(200, { ...LEAD_A, timeZone: 'Europe/Berlin' }, { ETag: '"3"' })],
      [`PATCH ${A}`]: [
        json(400, {
          type: '/problems/validation',
          status: 400,
          title: 'Invalid request',
          errors: [{ field: 'timeZone', message: 'is not a known time zone: give an IANA name such as America/New_York' }],
        }),
        json(200, { ...LEAD_A, timeZone: 'America/New_York', version: 4 }, { ETag: '"4"' }),
      ],
    });
    expect(await screen.findByText(/^Europe\/Berlin · .* there now$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Time zone' }));
    const input = screen.getByRole('combobox', { name: 'Time zone' });
    fireEvent.change(input, { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(await screen.findByText(/not a known time zone/i)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), { target: { value: 'America/New_York' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PATCH')[1]?.body).toEqual({ timeZone: 'America/New_York' });
  });

  it('merges a duplicate with the values chosen per field', async () => {
    const B = `/api/v1/leads/${LEAD_B.id}`;
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      ...base,
      [`GET ${A}`]: [json(200, LEAD_A, { ETag: '"3"' })],
      [`GET ${A}/duplicates`]: [
        json(200, { items: [{ id: LEAD_B.id, title: 'Bob Babbage', similarity: 0.91, reasons: [{ reason: 'same_email', similarity: 1, detail: 'x@y.z' }] }] }),
      ],
      [`GET ${B}`]: [json(200, { ...LEAD_B, email: null }, { ETag: '"1"' })],
      'POST /api/v1/leads/merge': [json(200, { survivor: LEAD_A, mergedIds: [LEAD_B.id], moved: { activities: 2 } })],
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Duplicates' }));
    expect(await screen.findByText('91 % alike')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Compare and merge' }));

    const dialog = await screen.findByRole('dialog');
    const values = await within(dialog).findByRole('table', { name: 'Values to keep' });
    fireEvent.click(within(values).getByRole('radio', { name: 'Company: take Mills' }));
    fireEvent.click(within(values).getByRole('radio', { name: 'Status: take contacted' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await within(dialog).findByText(/2 activities moved to this record/)).toBeTruthy();
    const merge = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/leads/merge');
    expect(merge?.body).toEqual({
      survivorId: LEAD_A.id,
      mergedIds: [LEAD_B.id],
      fields: { firstName: LEAD_A.id, lastName: LEAD_A.id, company: LEAD_B.id, status: LEAD_B.id },
    });
  });

  it('links a timeline task to the app page where its work is, never to another site', async () => {
    const task = (id: string, subject: string, page: string) => ({ kind: 'activity', id, at: '2026-01-05T09:30:00Z', type: 'task', subject, status: 'pending', page });
    renderRecords(`/leads/${LEAD_A.id}`, {
      ...base,
      [`GET ${A}`]: [json(200, LEAD_A, { ETag: '"3"' })],
      [`GET ${A}/timeline`]: [json(200, { items: [task('t-1', 'Assign the leads', '/leads/unassigned'), task('t-2', 'Elsewhere', '//evil.example')], nextCursor: null })],
    });
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByRole('link', { name: 'Assign the leads' }).getAttribute('href')).toBe('/leads/unassigned');
    expect(within(timeline).getByText(/Elsewhere · pending/)).toBeTruthy();
    expect(within(timeline).getAllByRole('link')).toHaveLength(1);
  });
});
