import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, MANAGER, ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';

const EMPTY = { items: [], nextCursor: null };
const LINKS = 'lead,contact,account,deal';
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

const REP = { ...ME, permissions: [...ME.permissions, 'activities:read'] };
const BOSS = {
  ...MANAGER,
  permissions: [...MANAGER.permissions, 'leads:read', 'activities:read', 'users:read'],
  scopes: { 'tasks:work': 'TEAM', 'deals:write': 'TEAM', 'leads:write': 'TEAM' },
};

const LEAD_ID = '11111111-2222-4333-8444-555555555555';
const DEAL_ID = '22222222-2222-4333-8444-555555555555';
const REP2_ID = '33333333-2222-4333-8444-555555555555';

const PIPELINES = [
  {
    id: 'p-sales',
    name: 'Sales',
    isDefault: true,
    stages: [
      { id: 's-qual', name: 'Qualification', closed: false },
      { id: 's-neg', name: 'Negotiation', closed: false },
      { id: 's-won', name: 'Won', closed: true },
    ],
  },
];

const hotLeadsKey = (ownerId: string) =>
  `GET /api/v1/leads${q({
    ownerId,
    scoreBand: 'hot',
    'status[in]': 'new,contacted,qualified',
    sort: '-score,-createdAt',
    fields: 'id,firstName,lastName,company,score,scoreBand,status,createdAt',
    limit: '5',
  })}`;
const recentQuery = (ownerId: string) => q({ ownerId, sort: '-updatedAt', embed: LINKS, limit: '8' });

/** Replies every dashboard card of a rep needs, empty unless given. */
function repRoutes(ownerId: string, routes: Parameters<typeof renderApp>[1] = {}) {
  return {
    'GET /api/v1/tasks': [json(200, EMPTY)],
    'GET /api/v1/approvals': [json(200, EMPTY)],
    'GET /api/v1/deals': [json(200, EMPTY)],
    'GET /api/v1/pipelines': [json(200, PIPELINES)],
    [hotLeadsKey(ownerId)]: [json(200, EMPTY)],
    [`GET /api/v1/activities${recentQuery(ownerId)}`]: [json(200, EMPTY)],
    [`GET /api/v1/notes${recentQuery(ownerId)}`]: [json(200, EMPTY)],
    // The meetings queries (by start, and by due time without a start) hold the time of day: answered by path.
    'GET /api/v1/activities': [json(200, EMPTY), json(200, EMPTY)],
    ...routes,
  };
}

function paramsOf(path: string) {
  return new URL(path, 'http://localhost').searchParams;
}

describe('dashboard', () => {
  it('shows a rep their hot leads, upcoming meetings and recent activity, and no team section', async () => {
    const soon = new Date(Date.now() + 2 * 3600_000).toISOString();
    const later = new Date(Date.now() + 26 * 3600_000).toISOString();
    const { calls } = renderApp(
      '/',
      repRoutes(REP.id, {
        [hotLeadsKey(REP.id)]: [
          json(200, {
            items: [{ id: LEAD_ID, firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical', score: 91, scoreBand: 'hot', status: 'new' }],
            nextCursor: 'more',
          }),
        ],
        [`GET /api/v1/activities${recentQuery(REP.id)}`]: [
          json(200, {
            items: [
              {
                id: 'a-1',
                type: 'call',
                subject: 'Discovery call',
                dealId: DEAL_ID,
                deal: { id: DEAL_ID, name: 'Big renewal' },
                updatedAt: '2026-01-05T09:30:00Z',
              },
            ],
            nextCursor: null,
          }),
        ],
        [`GET /api/v1/notes${recentQuery(REP.id)}`]: [
          json(200, {
            items: [
              {
                id: 'n-1',
                body: 'Wants a pilot first\nmore text',
                leadId: LEAD_ID,
                lead: { id: LEAD_ID, firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical' },
                updatedAt: '2026-01-06T09:30:00Z',
              },
            ],
            nextCursor: null,
          }),
        ],
        'GET /api/v1/activities': [
          json(200, {
            items: [{ id: 'm-2', type: 'meeting', subject: 'Pilot review', dueAt: later }],
            nextCursor: null,
          }),
          json(200, {
            items: [{ id: 'm-1', type: 'meeting', subject: 'Pilot kickoff', startAt: soon, leadId: LEAD_ID, lead: { id: LEAD_ID, company: 'Analytical' } }],
            nextCursor: null,
          }),
        ],
      }),
      { me: REP },
    );

    const hot = await screen.findByRole('region', { name: 'My hot leads' });
    const lead = await within(hot).findByRole('link', { name: 'Ada Lovelace · Analytical' });
    expect(lead.getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
    expect(within(hot).getByLabelText('Score 91, hot')).toBeTruthy();
    expect(within(hot).getByText(/there are more/)).toBeTruthy();

    const recent = screen.getByRole('region', { name: 'Recent activity' });
    const rows = await within(recent).findAllByRole('listitem');
    // Newest first: the note (6 Jan) before the call (5 Jan).
    expect(rows[0]?.textContent).toContain('Wants a pilot first');
    expect(rows[0]?.textContent).not.toContain('more text');
    expect(within(rows[1] as HTMLElement).getByText('call')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Discovery call')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Big renewal' }).getAttribute('href')).toBe(`/deals/${DEAL_ID}`);
    expect(rows[1]?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-01-05T09:30:00Z');

    const meetings = screen.getByRole('region', { name: 'Upcoming meetings' });
    const meetingRows = await within(meetings).findAllByRole('listitem');
    // Soonest first, whether the meeting has a start or only a due time.
    expect(meetingRows).toHaveLength(2);
    expect(meetingRows[0]?.textContent).toContain('Pilot kickoff');
    expect(meetingRows[1]?.textContent).toContain('Pilot review');
    expect(within(meetings).getByRole('link', { name: 'Analytical' }).getAttribute('href')).toBe(`/leads/${LEAD_ID}`);

    const meetingCalls = calls.filter((c) => c.path.startsWith('/api/v1/activities') && paramsOf(c.path).get('type') === 'meeting');
    expect(meetingCalls).toHaveLength(2);
    for (const call of meetingCalls) {
      const params = paramsOf(call.path);
      expect(params.get('ownerId')).toBe(REP.id);
      expect(params.get('status[ne]')).toBe('cancelled');
      expect(params.get('limit')).toBe('10');
      const field = params.get('startAt[isNull]') === 'true' ? 'dueAt' : 'startAt';
      expect(params.get('sort')).toBe(field);
      const from = Date.parse(params.get(`${field}[gte]`) ?? '');
      const to = Date.parse(params.get(`${field}[lt]`) ?? '');
      expect(Math.abs(from - Date.now())).toBeLessThan(5 * 60_000);
      expect(to - from).toBe(7 * 24 * 3600_000);
    }

    expect(screen.queryByRole('region', { name: /My team/ })).toBeNull();
    expect(calls.some((c) => c.path.includes('view=team') || c.path.includes('teamId'))).toBe(false);
  });

  it('shows empty and error states per card', async () => {
    renderApp(
      '/',
      repRoutes(REP.id, {
        [hotLeadsKey(REP.id)]: [json(500, { status: 500, title: 'Internal', detail: 'Boom' })],
      }),
      { me: REP },
    );
    const hot = await screen.findByRole('region', { name: 'My hot leads' });
    expect(await within(hot).findByRole('alert')).toBeTruthy();
    expect(within(hot).getByRole('button', { name: 'Try again' })).toBeTruthy();
    const meetings = screen.getByRole('region', { name: 'Upcoming meetings' });
    expect(await within(meetings).findByText('You have no meetings in the next 7 days.')).toBeTruthy();
    const recent = screen.getByRole('region', { name: 'Recent activity' });
    expect(await within(recent).findByText('Nothing yet')).toBeTruthy();
  });

  it('shows a manager the team: pipeline per rep, tasks per rep and hot leads not yet contacted', async () => {
    // The members of the team the manager leads, other than the manager, sorted.
    const team = { 'ownerId[in]': [REP2_ID, ME.id].join(',') };
    const { calls } = renderApp(
      '/',
      repRoutes(BOSS.id, {
        'GET /api/v1/teams': [
          json(200, [
            { id: 't-east', name: 'East', managerId: BOSS.id, memberIds: [ME.id, REP2_ID] },
            { id: 't-west', name: 'West', managerId: REP2_ID, memberIds: ['44444444-2222-4333-8444-555555555555'] },
          ]),
        ],
        'GET /api/v1/deals': [json(200, EMPTY)],
        [`GET /api/v1/deals${q({ ...team, status: 'open', embed: 'owner', limit: '200' })}`]: [
          json(200, {
            items: [
              { id: 'd1', pipelineId: 'p-sales', stageId: 's-qual', ownerId: ME.id, owner: { id: ME.id, displayName: 'Rita Rep' } },
              { id: 'd2', pipelineId: 'p-sales', stageId: 's-neg', ownerId: ME.id, owner: { id: ME.id, displayName: 'Rita Rep' } },
              { id: 'd3', pipelineId: 'p-sales', stageId: 's-neg', ownerId: REP2_ID, owner: { id: REP2_ID, displayName: 'Sam Seller' } },
            ],
            nextCursor: 'more',
          }),
        ],
        'GET /api/v1/tasks?view=team&limit=200': [
          json(200, {
            items: [
              { id: 't1', name: 'Call back', assignee: ME.id, due: '2020-01-01T00:00:00Z' },
              { id: 't2', name: 'Qualify', assignee: ME.id },
              { id: 't3', name: 'Send offer', assignee: REP2_ID },
            ],
            nextCursor: null,
          }),
        ],
        'GET /api/v1/users': [
          json(200, {
            items: [
              { id: ME.id, displayName: 'Rita Rep' },
              { id: REP2_ID, displayName: 'Sam Seller' },
            ],
            nextCursor: null,
          }),
        ],
        [`GET /api/v1/leads${q({ ...team, scoreBand: 'hot', status: 'new', sort: '-score,-createdAt', embed: 'owner', limit: '10' })}`]: [
          json(200, {
            items: [{ id: LEAD_ID, company: 'Analytical', score: 88, scoreBand: 'hot', status: 'new', owner: { id: REP2_ID, displayName: 'Sam Seller' } }],
            nextCursor: null,
          }),
        ],
      }),
      { me: BOSS },
    );

    const section = await screen.findByRole('region', { name: 'My team: East' });

    const pipeline = await within(section).findByRole('region', { name: 'Team pipeline by stage and rep' });
    const table = await within(pipeline).findByRole('table', { name: /open deals by stage and rep in Sales/ });
    const rita = within(table).getByRole('row', { name: /Rita Rep/ });
    expect(within(rita).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '1', '2']);
    const sam = within(table).getByRole('row', { name: /Sam Seller/ });
    expect(within(sam).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '1', '1']);
    expect(within(pipeline).getByText("Counted from the team's first 200 open deals.")).toBeTruthy();

    const tasks = within(section).getByRole('region', { name: 'Open tasks per rep' });
    const taskTable = await within(tasks).findByRole('table', { name: 'Open tasks per rep' });
    await waitFor(() => expect(within(taskTable).getByRole('row', { name: /Rita Rep/ })).toBeTruthy());
    expect(within(within(taskTable).getByRole('row', { name: /Rita Rep/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '1']);
    expect(within(within(taskTable).getByRole('row', { name: /Sam Seller/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0']);

    const hot = within(section).getByRole('region', { name: 'Hot leads not yet contacted' });
    expect((await within(hot).findByRole('link', { name: 'Analytical' })).getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
    expect(within(hot).getByText('Sam Seller')).toBeTruthy();

    expect(calls.some((c) => c.path === '/api/v1/tasks?view=team&limit=200')).toBe(true);
  });

  it('falls back to the records assigned to my teams when I may not read the teams', async () => {
    const { calls } = renderApp(
      '/',
      {
        'GET /api/v1/tasks': [json(200, EMPTY)],
        'GET /api/v1/tasks?view=team&limit=200': [json(200, { items: [{ id: 't1', name: 'Call back', assignee: REP2_ID }], nextCursor: null })],
        'GET /api/v1/approvals': [json(200, EMPTY)],
        'GET /api/v1/pipelines': [json(200, PIPELINES)],
        'GET /api/v1/deals': [json(200, EMPTY)],
        [`GET /api/v1/deals${q({ 'teamId[in]': 't-east', status: 'open', embed: 'owner', limit: '200' })}`]: [json(200, EMPTY)],
      },
      { me: MANAGER },
    );
    const section = await screen.findByRole('region', { name: 'My team: East' });
    const pipeline = await within(section).findByRole('region', { name: 'Team pipeline by stage and rep' });
    expect(await within(pipeline).findByText('No open deals')).toBeTruthy();
    const tasks = within(section).getByRole('region', { name: 'Open tasks per rep' });
    expect(await within(tasks).findByRole('row', { name: /Unknown user/ })).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/teams') || c.path.startsWith('/api/v1/users'))).toBe(false);
    // Without leads:read there is no hot leads card, mine or the team's.
    expect(within(section).queryByRole('region', { name: 'Hot leads not yet contacted' })).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/api/v1/leads'))).toBe(false);
  });

  it('names the record each of my open tasks is about, linked to its page', async () => {
    const task = {
      id: 'task-1',
      name: 'First contact',
      assignee: REP.id,
      due: '2030-01-01T10:00:00Z',
      record: { type: 'lead', id: LEAD_ID, title: 'Ada Lovelace · Analytical' },
    };
    const tasks = { items: [task], nextCursor: null };
    renderApp('/', repRoutes(REP.id, { 'GET /api/v1/tasks': [json(200, tasks), json(200, tasks), json(200, tasks)] }), { me: REP });
    const section = await screen.findByRole('region', { name: 'My open tasks' });
    expect(await within(section).findByRole('link', { name: 'First contact' })).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Ada Lovelace · Analytical' }).getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
  });
});
