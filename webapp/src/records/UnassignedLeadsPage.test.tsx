import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, ME, renderRecords, REP, withLayout } from './test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  withLayout();
  await import('./UnassignedLeadsPage'); // the lazy page chunk, loaded before the first find
  await import('./RecordListPage');
});

const QUEUE = '/api/v1/routing/unassigned';
const EAST = 't-east';
const WEST = 'f0000000-0000-4000-8000-00000000000w';
const RON = { id: 'u0000000-0000-4000-8000-00000000000r', displayName: 'Ron Rep', teams: ['East'] };

function unassigned(leadId: string, name: string, company: string, country: string, teamId: string | null, reason: string, at: string) {
  return {
    leadId,
    name,
    company,
    country,
    ownerId: ME.id,
    assignment: {
      id: 1,
      leadId,
      kind: 'unassigned',
      ownerId: null,
      previousOwnerId: null,
      teamId,
      ruleName: null,
      ruleSetNumber: 1,
      candidates: [],
      reason,
      assignedBy: null,
      why: null,
      at,
    },
  };
}

const ADA = unassigned('a0000000-0000-4000-8000-000000000001', 'Ada Lovelace', 'Engines', 'GB', EAST, 'no rep in the team is available', '2026-01-06T09:30:00Z');
const BOB = unassigned('b0000000-0000-4000-8000-000000000002', 'Bob Babbage', 'Mills', 'DE', null, 'no rule of v1 matched', '2026-01-05T09:30:00Z');
const CY = unassigned('c0000000-0000-4000-8000-000000000003', 'Cy Clerk', 'Looms', 'FR', WEST, 'no rep in the team is available', '2026-01-04T09:30:00Z');

const page = (items: unknown[], nextCursor: string | null = null) => json(200, { items, nextCursor });
const TEAMS = json(200, [
  { id: EAST, name: 'East', memberIds: [ME.id, RON.id] },
  { id: WEST, name: 'West', memberIds: [] },
]);
const colleagues = () => Array.from({ length: 8 }, () => json(200, [RON]));

/** Opens the row's "Assign", picks Ron and types the reason (unless left out). */
async function assignToRon(name: string, reason?: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Assign ${name}` }));
  const dialog = await screen.findByRole('dialog', { name: `Assign ${name}` });
  const picker = within(dialog).getByLabelText(/^Owner/);
  fireEvent.click(picker);
  fireEvent.change(picker, { target: { value: 'r' } });
  fireEvent.click(await screen.findByRole('option', { name: 'Ron Rep (East)', hidden: true }));
  if (reason) fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: reason } });
  return dialog;
}

describe('unassigned leads', () => {
  it('lists the queue with each lead linked, its team, why routing left it and when; more on demand', async () => {
    const { calls } = renderRecords('/leads/unassigned', {
      'GET /api/v1/teams': [TEAMS],
      [`GET ${QUEUE}`]: [page([ADA, BOB], 'next-1'), page([CY])],
    });
    const table = await screen.findByRole('table', { name: 'Unassigned leads, newest first' });
    expect(screen.getByRole('heading', { name: 'Unassigned leads' })).toBeTruthy();

    const ada = within(table).getByRole('row', { name: /Ada Lovelace/ });
    expect(within(ada).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe(`/leads/${ADA.leadId}`);
    expect(within(ada).getByText('Engines')).toBeTruthy();
    expect(within(ada).getByText('GB')).toBeTruthy();
    expect(await within(ada).findByText('East')).toBeTruthy();
    expect(within(ada).getByText('no rep in the team is available')).toBeTruthy();
    expect(ada.querySelector('time')?.getAttribute('dateTime')).toBe(ADA.assignment.at);

    const bob = within(table).getByRole('row', { name: /Bob Babbage/ });
    expect(within(bob).getByRole('link', { name: 'Bob Babbage' }).getAttribute('href')).toBe(`/leads/${BOB.leadId}`);
    expect(within(bob).getByText('no rule of v1 matched')).toBeTruthy();
    expect(within(bob).getByText('—')).toBeTruthy(); // no team

    // The static route wins over /leads/:id: no lead called "unassigned" is asked for.
    expect(calls.some((c) => c.path.startsWith('/api/v1/leads'))).toBe(false);
    const first = calls.find((c) => c.path === QUEUE);
    expect(first?.query.get('limit')).toBe('50');
    expect(first?.query.get('cursor')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const cy = await screen.findByRole('link', { name: 'Cy Clerk' });
    expect(cy.getAttribute('href')).toBe(`/leads/${CY.leadId}`);
    expect(within(screen.getByRole('row', { name: /Cy Clerk/ })).getByText('West')).toBeTruthy();
    expect(calls.filter((c) => c.path === QUEUE)[1]?.query.get('cursor')).toBe('next-1');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('asks for a colleague before sending anything', async () => {
    const { calls } = renderRecords('/leads/unassigned', {
      'GET /api/v1/teams': [TEAMS],
      'GET /api/v1/colleagues': colleagues(),
      [`GET ${QUEUE}`]: [page([ADA])],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Assign Ada Lovelace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign Ada Lovelace' });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Ron covers the UK' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('Pick who gets the lead.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Owner/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/reassign'))).toBe(false);
  });

  it('gives the lead to the colleague in its team with the reason, and the lead leaves the queue', async () => {
    const { calls } = renderRecords('/leads/unassigned', {
      'GET /api/v1/teams': [TEAMS],
      'GET /api/v1/colleagues': colleagues(),
      [`GET ${QUEUE}`]: [page([ADA, BOB]), page([BOB])],
      [`POST /api/v1/leads/${ADA.leadId}/reassign`]: [
        json(200, { id: 2, leadId: ADA.leadId, kind: 'manual', ownerId: RON.id, teamId: EAST, reason: 'Ron covers the UK', at: '2026-01-07T09:30:00Z' }),
      ],
    });
    const dialog = await assignToRon('Ada Lovelace', 'Ron covers the UK');
    expect(within(dialog).getByText(/gets the lead in East/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Ada Lovelace is now with Ron Rep (East).')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Bob Babbage' })).toBeTruthy();

    const posts = calls.filter((c) => c.method === 'POST' && c.path.endsWith('/reassign'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(`/api/v1/leads/${ADA.leadId}/reassign`);
    expect(posts[0]?.body).toEqual({ ownerId: RON.id, teamId: EAST, reason: 'Ron covers the UK' });
    // The queue is asked again, so what the server now says wins.
    await waitFor(() => expect(calls.filter((c) => c.path === QUEUE)).toHaveLength(2));
  });

  it('sends no team for a lead routing left without one', async () => {
    const { calls } = renderRecords('/leads/unassigned', {
      'GET /api/v1/teams': [TEAMS],
      'GET /api/v1/colleagues': colleagues(),
      [`GET ${QUEUE}`]: [page([BOB]), page([])],
      [`POST /api/v1/leads/${BOB.leadId}/reassign`]: [json(200, { id: 3, leadId: BOB.leadId, kind: 'manual', ownerId: RON.id })],
    });
    const dialog = await assignToRon('Bob Babbage', 'Ron speaks German');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Every lead routing received has an owner.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/reassign'))?.body).toEqual({ ownerId: RON.id, reason: 'Ron speaks German' });
  });

  it("shows the server's refusal of the owner on the picker and keeps what was typed", async () => {
    const { calls } = renderRecords('/leads/unassigned', {
      'GET /api/v1/teams': [TEAMS],
      'GET /api/v1/colleagues': colleagues(),
      [`GET ${QUEUE}`]: [page([ADA])],
      [`POST /api/v1/leads/${ADA.leadId}/reassign`]: [
        json(422, {
          type: '/problems/validation',
          status: 422,
          title: 'Unprocessable',
          errors: [{ field: 'ownerId', message: 'is not a member of team East' }],
        }),
      ],
    });
    const dialog = await assignToRon('Ada Lovelace', 'Ron covers the UK');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await within(dialog).findByText('Is not a member of team East.')).toBeTruthy();
    const picker = within(dialog).getByLabelText(/^Owner/);
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    const described = (picker.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Is not a member of team East.');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect((within(dialog).getByLabelText(/^Reason/) as HTMLTextAreaElement).value).toBe('Ron covers the UK');
    expect(screen.getByRole('dialog', { name: 'Assign Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ada Lovelace', hidden: true })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/reassign'))).toHaveLength(1);
    expect(calls.filter((c) => c.path === QUEUE)).toHaveLength(1);
  });

  it('says so when every lead has an owner', async () => {
    renderRecords('/leads/unassigned', { 'GET /api/v1/teams': [TEAMS], [`GET ${QUEUE}`]: [page([])] });
    const note = await screen.findByRole('note');
    expect(within(note).getByText('No unassigned leads')).toBeTruthy();
    expect(within(note).getByText('Every lead routing received has an owner.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a failed load with a retry', async () => {
    renderRecords('/leads/unassigned', {
      'GET /api/v1/teams': [TEAMS],
      [`GET ${QUEUE}`]: [json(500, { status: 500, title: 'Internal' }), page([ADA])],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the unassigned leads')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
  });

  it('offers no assigning to a reader who may not change leads, and names their own team without users:read', async () => {
    const { calls } = renderRecords(
      '/leads/unassigned',
      { [`GET ${QUEUE}`]: [page([ADA])] },
      { ...REP, permissions: ['leads:read', 'tasks:work'] },
    );
    const row = await screen.findByRole('row', { name: /Ada Lovelace/ });
    expect(within(row).getByText('East')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/api/v1/teams'))).toBe(false);
  });

  it('is reached from the lead list, not from the other lists', async () => {
    renderRecords('/leads', { 'GET /api/v1/leads': [page([])] });
    const main = await screen.findByRole('main');
    const link = await within(main).findByRole('link', { name: 'Unassigned leads' });
    expect(link.getAttribute('href')).toBe('/leads/unassigned');
    // Not in the navigation: reached from the lead list and from the task about the queue.
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.queryByRole('link', { name: 'Unassigned leads' })).toBeNull();
  });

  it('is not on the contact list', async () => {
    renderRecords('/contacts', { 'GET /api/v1/contacts': [page([])] });
    const main = await screen.findByRole('main');
    expect(await within(main).findByRole('heading', { name: 'Contacts' })).toBeTruthy();
    expect(within(main).queryByRole('link', { name: 'Unassigned leads' })).toBeNull();
  });
});
