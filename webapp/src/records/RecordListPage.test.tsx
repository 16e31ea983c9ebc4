import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BULK_CONCURRENCY } from './list/BulkActions';
import { json, LEAD_A, LEAD_B, LEAD_C, ME, renderRecords, withLayout } from './test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  withLayout();
  await import('./RecordListPage'); // the lazy page chunk, loaded before the first find
});

const page = (items: unknown[], nextCursor: string | null = null) => json(200, { items, nextCursor });

describe('record lists', () => {
  it('builds the list query from the filters in the URL and from shift-click sorting', async () => {
    const { calls } = renderRecords('/leads?status=new,contacted&band=hot', {
      'GET /api/v1/leads': [page([LEAD_A, LEAD_B]), page([LEAD_B, LEAD_A]), page([LEAD_B, LEAD_A])],
    });
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    const first = calls.find((c) => c.path === '/api/v1/leads');
    expect(first?.query.get('status[in]')).toBe('new,contacted');
    expect(first?.query.get('scoreBand[in]')).toBe('hot');
    expect(first?.query.get('sort')).toBe('-createdAt');
    expect(first?.query.get('limit')).toBe('100');

    fireEvent.click(screen.getByRole('button', { name: /^Sort by Score/ }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/leads')).toHaveLength(2));
    expect(calls.filter((c) => c.path === '/api/v1/leads')[1]?.query.get('sort')).toBe('score');

    fireEvent.click(screen.getByRole('button', { name: /^Sort by Company/ }), { shiftKey: true });
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/leads')).toHaveLength(3));
    const last = calls.filter((c) => c.path === '/api/v1/leads')[2];
    expect(last?.query.get('sort')).toBe('score,company');
    expect(last?.query.get('status[in]')).toBe('new,contacted');
  });

  it('fetches the next cursor page as the list nears its end', async () => {
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [page([LEAD_A], 'next-1'), page([LEAD_B])],
    });
    expect(await screen.findByRole('link', { name: 'Bob Babbage' })).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/v1/leads')[1]?.query.get('cursor')).toBe('next-1');
  });

  it('assigns the selected rows in bounded parallel calls and summarises failures', async () => {
    let running = 0;
    let peak = 0;
    const patch = (status: number) => () => {
      running++;
      peak = Math.max(peak, running);
      queueMicrotask(() => running--);
      return status === 200 ? json(200, {}) : json(403, { status: 403, title: 'Forbidden', detail: 'Not yours' });
    };
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [page([LEAD_A, LEAD_B, LEAD_C]), page([LEAD_B]), page([LEAD_B])],
      'GET /api/v1/users': [json(200, { items: [{ id: 'u-2', displayName: 'Ron Rep', status: 'ACTIVE' }], nextCursor: null })],
      [`PATCH /api/v1/leads/${LEAD_A.id}`]: [patch(200)],
      [`PATCH /api/v1/leads/${LEAD_B.id}`]: [patch(403)],
      [`PATCH /api/v1/leads/${LEAD_C.id}`]: [patch(200)],
    });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3 loaded' }));
    fireEvent.click(screen.getByRole('button', { name: 'Assign owner' }));

    const dialog = await screen.findByRole('dialog');
    const ownerInput = within(dialog).getByLabelText('New owner');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/users')).toBe(true));
    await within(dialog).findByRole('option', { name: 'Ron Rep' });
    fireEvent.change(ownerInput, { target: { value: 'u-2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await screen.findByText('2 leads assigned')).toBeTruthy();
    expect(screen.getByText('1 could not be assigned; they stay selected.')).toBeTruthy();
    const failures = screen.getByRole('table', { name: 'Failures' });
    expect(within(failures).getByText('Bob Babbage · Mills')).toBeTruthy();
    expect(within(failures).getByText('You do not have permission to do that.')).toBeTruthy();

    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches).toHaveLength(3);
    expect(patches.every((c) => JSON.stringify(c.body) === JSON.stringify({ ownerId: 'u-2' }))).toBe(true);
    expect(peak).toBeLessThanOrEqual(BULK_CONCURRENCY);
  });

  it('deletes after a confirm and shows the summary once the selection is gone', async () => {
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [page([LEAD_A]), page([])],
      [`DELETE /api/v1/leads/${LEAD_A.id}`]: [json(204)],
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Ada Lovelace · Engines' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Delete 1 lead\? They leave every list/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete 1 lead' }));
    expect(await screen.findByText('1 lead deleted')).toBeTruthy();
    expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
  });

  it('shows an empty state for filters that find nothing', async () => {
    renderRecords('/contacts?status=bounced', { 'GET /api/v1/contacts': [page([])] }, { ...ME, permissions: ['contacts:read'] });
    expect(await screen.findByText('No contacts match these filters')).toBeTruthy();
  });

  const RONS_VIEW = {
    id: 'v-ron',
    recordType: 'lead',
    name: 'East hot leads',
    state: { filters: [{ field: 'scoreBand', op: 'in', value: 'hot' }], sort: [{ field: 'score', direction: 'desc' }], columns: [] },
    visibility: 'team',
    ownerName: 'Ron Rep',
    mine: false,
    editable: false,
    defaultView: false,
    version: 0,
  };
  const NEW_VIEW = {
    ...RONS_VIEW,
    id: 'v-new',
    name: 'New ones',
    state: { filters: [{ field: 'status', op: 'in', value: 'new' }], sort: [{ field: 'createdAt', direction: 'desc' }], columns: [] },
    visibility: 'team',
    mine: true,
    editable: true,
  };
  const views = (...items: unknown[]) => json(200, { items, nextCursor: null });

  it('saves the current list as a view shared with the team', async () => {
    const { calls } = renderRecords('/leads?status=new', {
      'GET /api/v1/leads': [page([LEAD_A]), page([LEAD_B])],
      'GET /api/v1/saved-views': [
        views(RONS_VIEW),
        ...Array.from({ length: 5 }, () => views(RONS_VIEW, NEW_VIEW)),
      ],
      'POST /api/v1/saved-views': [json(201, NEW_VIEW)],
    });
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/v1/saved-views')?.query.get('recordType')).toBe('lead');

    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Save the current view…' }));
    const form = await screen.findByRole('group', { name: 'Save the view' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Name of the view' }), { target: { value: ' New ones ' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Shared with' }), { target: { value: 'team' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/saved-views')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/saved-views')?.body).toEqual({
      recordType: 'lead',
      name: 'New ones',
      visibility: 'team',
      state: { filters: [{ field: 'status', op: 'in', value: 'new' }], sort: [{ field: 'createdAt', direction: 'desc' }], columns: expect.any(Array) },
    });
    expect(await screen.findByRole('button', { name: 'View: New ones' })).toBeTruthy();
  });

  it("applies a colleague's shared view, which only its owner may delete", async () => {
    const { calls } = renderRecords('/leads?status=new', {
      'GET /api/v1/leads': [page([LEAD_A]), page([LEAD_B])],
      'GET /api/v1/saved-views': [views(RONS_VIEW, NEW_VIEW)],
    });
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'View: New ones' }));
    const rons = await screen.findByRole('menuitem', { name: /East hot leads · by Ron Rep/ });
    expect(screen.queryByLabelText('Delete the view East hot leads')).toBeNull();
    expect(screen.getByLabelText('Delete the view New ones')).toBeTruthy();
    fireEvent.click(rons);
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/leads')).toHaveLength(2));
    const applied = calls.filter((c) => c.path === '/api/v1/leads')[1];
    expect(applied?.query.get('scoreBand[in]')).toBe('hot');
    expect(applied?.query.get('status[in]')).toBeNull();
    expect(applied?.query.get('sort')).toBe('-score');
    expect(await screen.findByRole('button', { name: 'View: East hot leads' })).toBeTruthy();
  });

  it('opens the list with the view the user chose and moves views kept in this browser to the server', async () => {
    localStorage.setItem(`salesflow.views.acme.${ME.id}.lead`, JSON.stringify([{ name: 'Old local', search: 'band=warm' }]));
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [page([LEAD_A]), page([LEAD_B])],
      'GET /api/v1/saved-views': [views({ ...RONS_VIEW, defaultView: true }), views(RONS_VIEW)],
      'POST /api/v1/saved-views': [json(201, { ...RONS_VIEW, id: 'v-old', name: 'Old local' })],
    });
    expect(await screen.findByRole('button', { name: 'View: East hot leads' })).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/leads').at(-1)?.query.get('scoreBand[in]')).toBe('hot'));
    await waitFor(() => expect(localStorage.getItem(`salesflow.views.acme.${ME.id}.lead`)).toBeNull());
    const moved = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/saved-views');
    expect(moved?.body).toMatchObject({ name: 'Old local', visibility: 'private', state: { filters: [{ field: 'scoreBand', op: 'in', value: 'warm' }] } });
  });
});
