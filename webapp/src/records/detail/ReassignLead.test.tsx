import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, ME, renderRecords, REP } from '../test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('../RecordPage');
});

const A = `/api/v1/leads/${LEAD_A.id}`;
const RON = { id: 'u0000000-0000-4000-8000-00000000000r', displayName: 'Ron Rep', email: 'ron@acme.test', status: 'active' };
const empty = json(200, { items: [], nextCursor: null });
const ROUTED = { id: 1, kind: 'routed', ownerId: ME.id, at: '2026-01-05T09:30:00Z', reason: 'Round robin in East' };
const MANUAL = { id: 2, kind: 'manual', ownerId: RON.id, previousOwnerId: ME.id, assignedBy: ME.id, at: '2026-01-06T09:30:00Z', reason: 'Ron speaks German' };

describe('reassigning a lead', () => {
  it('needs a new owner and a reason, shows the server refusal, then refreshes the explanation', async () => {
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      'GET /api/v1/custom-fields': [json(200, [])],
      'GET /api/v1/users': [json(200, { items: [{ ...ME, status: 'active' }, RON], nextCursor: null })],
      'GET /api/v1/colleagues': Array.from({ length: 6 }, () =>
        json(200, [
          { id: ME.id, displayName: 'Rita Rep', teams: ['East'] },
          { id: RON.id, displayName: 'Ron Rep', teams: ['East'] },
        ]),
      ),
      [`GET ${A}/timeline`]: [empty, empty],
      [`GET ${A}`]: [json(200, LEAD_A, { ETag: '"3"' }), json(200, { ...LEAD_A, ownerId: RON.id }, { ETag: '"4"' })],
      [`GET ${A}/assignments`]: [json(200, { items: [ROUTED] }), json(200, { items: [MANUAL, ROUTED] })],
      [`POST ${A}/reassign`]: [
        json(400, { type: '/problems/validation', status: 400, title: 'Invalid request', errors: [{ field: 'ownerId', message: 'no active user' }] }),
        json(200, MANUAL),
      ],
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Assignment' }));
    expect(await screen.findByText('Round robin in East')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Reassign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reassign the lead' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(await within(dialog).findByText('Pick who gets the lead.')).toBeTruthy();

    const picker = within(dialog).getByLabelText(/^New owner/);
    fireEvent.click(picker);
    fireEvent.change(picker, { target: { value: 'r' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Ron Rep (East)', hidden: true }));
    expect(screen.queryByRole('option', { name: /Rita Rep/, hidden: true })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(await within(dialog).findByText('Say why the lead changes hands.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Ron speaks German' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(await within(dialog).findByText('No active user.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Ron speaks German')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST' && c.path === `${A}/reassign`);
    expect(posts[1]?.body).toEqual({ ownerId: RON.id, reason: 'Ron speaks German' });
  });

  it('is offered to a rep without users:read, who finds the colleague by name', async () => {
    const { calls } = renderRecords(
      `/leads/${LEAD_A.id}`,
      {
        'GET /api/v1/custom-fields': [json(200, [])],
        'GET /api/v1/colleagues': Array.from({ length: 4 }, () => json(200, [{ id: RON.id, displayName: 'Ron Rep', teams: [] }])),
        [`GET ${A}/timeline`]: [empty],
        [`GET ${A}`]: [json(200, LEAD_A, { ETag: '"3"' })],
      },
      { ...REP, permissions: REP.permissions.filter((p) => p !== 'users:read') },
    );
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace · Engines' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reassign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reassign the lead' });
    const picker = within(dialog).getByLabelText(/^New owner/);
    fireEvent.click(picker);
    fireEvent.change(picker, { target: { value: 'ro' } });
    expect(await screen.findByRole('option', { name: 'Ron Rep', hidden: true })).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('/api/v1/colleagues')).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.path.startsWith('/api/v1/users'))).toBe(false);
  });
});
