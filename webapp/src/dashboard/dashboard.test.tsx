import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it } from 'vitest';
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
/** My open to-dos: the query the "My to-dos" card sends. */
const TO_DO_QUERY = {
  'type[in]': 'task,call,deadline',
  'status[in]': 'pending,overdue',
  sort: '-priorityRank,dueAt',
  embed: LINKS,
  limit: '50',
};
const toDosKey = (ownerId: string) => `GET /api/v1/activities${q({ ownerId, ...TO_DO_QUERY })}`;

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
    [toDosKey(ownerId)]: [json(200, EMPTY)],
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

  it("links a task to the app page where its work is, and never to another site", async () => {
    const task = (id: string, subject: string, page: string | null) => ({
      id,
      type: 'task',
      subject,
      status: 'pending',
      priority: 'high',
      page,
      updatedAt: `2026-01-0${id.slice(-1)}T09:30:00Z`,
    });
    renderApp(
      '/',
      repRoutes(REP.id, {
        [`GET /api/v1/activities${recentQuery(REP.id)}`]: [
          json(200, {
            items: [
              task('a-5', 'Assign the leads routing could not place', '/leads/unassigned'),
              task('a-4', 'Absolute', 'https://evil.example/leads'),
              task('a-3', 'Protocol-relative', '//evil.example'),
              task('a-2', 'Backslash', '/\\evil.example'),
              task('a-1', 'Script', 'javascript:alert(1)'),
            ],
            nextCursor: null,
          }),
        ],
      }),
      { me: REP },
    );
    const recent = await screen.findByRole('region', { name: 'Recent activity' });
    const link = await within(recent).findByRole('link', { name: 'Assign the leads routing could not place' });
    expect(link.getAttribute('href')).toBe('/leads/unassigned');
    for (const subject of ['Absolute', 'Protocol-relative', 'Backslash', 'Script']) {
      expect(within(recent).getByText(subject)).toBeTruthy();
      expect(within(recent).queryByRole('link', { name: subject })).toBeNull();
    }
    expect(within(recent).getAllByRole('link')).toHaveLength(1);
    // The queue's task is about no record: it names its page, not "No record".
    expect(within(link.closest('li') as HTMLElement).queryByText('No record')).toBeNull();
  });

  describe('my to-dos', () => {
    const HOUR = 3600_000;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    /** An open activity of mine; pending, normal priority, due in two days unless given. */
    const todo = (id: string, subject: string, fields: Record<string, unknown> = {}) => ({
      id,
      type: 'task',
      subject,
      status: 'pending',
      priority: 'normal',
      dueAt: at(48 * HOUR),
      ownerId: REP.id,
      ...fields,
    });
    const todos = (items: unknown[], nextCursor: string | null = null) => json(200, { items, nextCursor });
    const rowOf = (element: HTMLElement) => element.closest('li') as HTMLElement;

    it("lists a manager's task about the leads routing could not place, linked to the unassigned leads page", async () => {
      const manager = { ...MANAGER, permissions: [...MANAGER.permissions, 'activities:read'] };
      renderApp(
        '/',
        {
          'GET /api/v1/tasks': [json(200, EMPTY)],
          'GET /api/v1/tasks?view=team&limit=200': [json(200, EMPTY)],
          'GET /api/v1/approvals': [json(200, EMPTY)],
          'GET /api/v1/pipelines': [json(200, PIPELINES)],
          'GET /api/v1/deals': [json(200, EMPTY), json(200, EMPTY)],
          [`GET /api/v1/notes${recentQuery(manager.id)}`]: [json(200, EMPTY)],
          [`GET /api/v1/activities${recentQuery(manager.id)}`]: [json(200, EMPTY)],
          'GET /api/v1/activities': [json(200, EMPTY), json(200, EMPTY)],
          [toDosKey(manager.id)]: [
            todos([
              todo('a-1', 'Assign the leads routing could not place', {
                priority: 'high',
                priorityRank: 3,
                dueAt: at(20 * HOUR),
                ownerId: manager.id,
                page: '/leads/unassigned',
              }),
            ]),
          ],
        },
        { me: manager },
      );
      const card = await screen.findByRole('region', { name: 'My to-dos' });
      const link = await within(card).findByRole('link', { name: 'Assign the leads routing could not place' });
      expect(link.getAttribute('href')).toBe('/leads/unassigned');
      const row = rowOf(link);
      // About a page, not a record: no second link, no "No record".
      expect(within(row).getAllByRole('link')).toHaveLength(1);
      expect(within(row).queryByText('No record')).toBeNull();
      expect(row.textContent).toContain('high priority');
      expect(within(card).getByText('1')).toBeTruthy();
      // Right after "My open tasks".
      const titles = screen.getAllByRole('region').map((r) => document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent);
      expect(titles.indexOf('My to-dos')).toBe(titles.indexOf('My open tasks') + 1);
    });

    it("links a to-do about a record to the record's page, and one about neither names it in plain text", async () => {
      renderApp(
        '/',
        repRoutes(REP.id, {
          [toDosKey(REP.id)]: [
            todos([
              todo('a-1', 'Call Ada back', {
                type: 'call',
                leadId: LEAD_ID,
                lead: { id: LEAD_ID, firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical' },
              }),
              // A page that is not this app's: the record's page instead.
              todo('a-2', 'Resend the offer', { page: 'https://evil.example/deals', dealId: DEAL_ID, deal: { id: DEAL_ID, name: 'Big renewal' } }),
              todo('a-3', 'Quarterly forecast', { type: 'deadline', page: null }),
            ]),
          ],
        }),
        { me: REP },
      );
      const card = await screen.findByRole('region', { name: 'My to-dos' });
      const call = await within(card).findByRole('link', { name: 'Call Ada back' });
      expect(call.getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
      expect(within(rowOf(call)).getByRole('link', { name: 'Ada Lovelace · Analytical' }).getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
      const offer = within(card).getByRole('link', { name: 'Resend the offer' });
      expect(offer.getAttribute('href')).toBe(`/deals/${DEAL_ID}`);
      expect(within(rowOf(offer)).getByRole('link', { name: 'Big renewal' }).getAttribute('href')).toBe(`/deals/${DEAL_ID}`);
      expect(within(card).getByText('Quarterly forecast')).toBeTruthy();
      expect(within(card).queryByRole('link', { name: 'Quarterly forecast' })).toBeNull();
      expect(within(card).getAllByRole('link')).toHaveLength(4);
      // Normal priority carries no marker.
      expect(card.textContent).not.toContain('priority');
    });

    it('asks for my open tasks, calls and deadlines, most urgent first, then soonest due; shows the top 5 and the count', async () => {
      const items = Array.from({ length: 6 }, (_, i) => todo(`a-${i}`, `To-do ${i}`));
      const { calls } = renderApp('/', repRoutes(REP.id, { [toDosKey(REP.id)]: [todos(items, 'more')] }), { me: REP });
      const card = await screen.findByRole('region', { name: 'My to-dos' });
      expect(await within(card).findByText('6+')).toBeTruthy();
      expect(within(card).getAllByRole('listitem')).toHaveLength(5);
      expect(within(card).getByText('To-do 4')).toBeTruthy();
      expect(within(card).queryByText('To-do 5')).toBeNull();

      const asked = calls.filter((c) => c.path.startsWith('/api/v1/activities?') && paramsOf(c.path).has('type[in]'));
      expect(asked).toHaveLength(1);
      expect(Object.fromEntries(paramsOf(asked[0]?.path ?? ''))).toEqual({
        ownerId: REP.id,
        'type[in]': 'task,call,deadline',
        'status[in]': 'pending,overdue',
        sort: '-priorityRank,dueAt',
        embed: LINKS,
        limit: '50',
      });
    });

    it('shows an overdue to-do as overdue, by its status even when this clock is behind', async () => {
      renderApp(
        '/',
        repRoutes(REP.id, {
          [toDosKey(REP.id)]: [
            todos([
              todo('a-1', 'Send the contract', { status: 'overdue', priority: 'urgent', priorityRank: 4, dueAt: at(-2 * HOUR) }),
              todo('a-2', 'Chase the signature', { status: 'overdue', dueAt: at(5 * 60_000) }),
              todo('a-3', 'Plan the kickoff', { dueAt: at(72 * HOUR) }),
            ]),
          ],
        }),
        { me: REP },
      );
      const card = await screen.findByRole('region', { name: 'My to-dos' });
      const rows = await within(card).findAllByRole('listitem');
      expect(rows.map((r) => r.textContent?.includes('Overdue'))).toEqual([true, true, false]);
      expect(rows[0]?.textContent).toContain('urgent priority');
    });

    it('says when there is nothing to do', async () => {
      renderApp('/', repRoutes(REP.id), { me: REP });
      const card = await screen.findByRole('region', { name: 'My to-dos' });
      expect(await within(card).findByText('Nothing to do')).toBeTruthy();
      expect(within(card).getByText('No open to-dos for you.')).toBeTruthy();
    });

    it('shows an error with a retry', async () => {
      renderApp(
        '/',
        repRoutes(REP.id, {
          [toDosKey(REP.id)]: [json(500, { status: 500, title: 'Internal', detail: 'Boom' }), todos([todo('a-1', 'Call Ada back')])],
        }),
        { me: REP },
      );
      const card = await screen.findByRole('region', { name: 'My to-dos' });
      expect(await within(card).findByRole('alert')).toBeTruthy();
      fireEvent.click(within(card).getByRole('button', { name: 'Try again' }));
      expect(await within(card).findByText('Call Ada back')).toBeTruthy();
    });

    describe('marking one done', () => {
      const WRITER = { ...REP, permissions: [...REP.permissions, 'activities:write'] };
      const patchKey = (id: string) => `PATCH /api/v1/activities/${id}`;
      const todoCalls = (calls: { method: string; path: string }[]) =>
        calls.filter((c) => c.method === 'GET' && c.path === toDosKey(WRITER.id).slice('GET '.length));
      afterEach(() => notifications.clean());

      it('sends status completed with If-Match, loads meanwhile, says so and drops the row once read again', async () => {
        const call = todo('a-1', 'Call Ada back', { type: 'call', version: 3 });
        const plan = todo('a-2', 'Plan the kickoff', { version: 1 });
        const { calls, fetch } = renderApp(
          '/',
          repRoutes(WRITER.id, {
            [toDosKey(WRITER.id)]: [todos([call, plan]), todos([plan])],
            [patchKey('a-1')]: [json(200, { ...call, status: 'completed', version: 4 })],
          }),
          { me: WRITER },
        );
        const card = await screen.findByRole('region', { name: 'My to-dos' });
        const button = await within(card).findByRole('button', { name: 'Mark "Call Ada back" done' });
        expect(within(card).getByRole('button', { name: 'Mark "Plan the kickoff" done' })).toBeTruthy();

        // Hold the PATCH until the button has been seen busy.
        const answer = fetch.getMockImplementation();
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        fetch.mockImplementation(async (request: Request) => {
          if (request.method === 'PATCH') await held;
          return answer ? answer(request) : Promise.reject(new Error('no fetch'));
        });

        fireEvent.click(button);
        await waitFor(() => expect(button.hasAttribute('disabled')).toBe(true));
        expect(button.getAttribute('data-loading')).toBe('true');
        release();

        expect(await screen.findByText('Done: Call Ada back')).toBeTruthy();
        await waitFor(() => expect(within(card).queryByText('Call Ada back')).toBeNull());
        expect(within(card).getByText('Plan the kickoff')).toBeTruthy();

        const patches = calls.filter((c) => c.method === 'PATCH');
        expect(patches).toHaveLength(1);
        expect(patches[0]?.path).toBe('/api/v1/activities/a-1');
        expect(patches[0]?.body).toEqual({ status: 'completed' });
        const request = fetch.mock.calls.map(([r]) => r).find((r) => r.method === 'PATCH');
        expect(request?.headers.get('If-Match')).toBe('"3"');
        expect(todoCalls(calls)).toHaveLength(2);
      });

      it('says so when someone changed the to-do meanwhile (412), and reads my to-dos again', async () => {
        const task = todo('a-1', 'Assign the leads routing could not place', { page: '/leads/unassigned', version: 3 });
        const { calls } = renderApp(
          '/',
          repRoutes(WRITER.id, {
            [toDosKey(WRITER.id)]: [todos([task]), todos([{ ...task, priority: 'urgent', version: 5 }])],
            [patchKey('a-1')]: [
              json(412, { type: '/problems/precondition-failed', title: 'Precondition failed', status: 412, currentETag: '"5"' }),
            ],
          }),
          { me: WRITER },
        );
        const card = await screen.findByRole('region', { name: 'My to-dos' });
        fireEvent.click(await within(card).findByRole('button', { name: 'Mark "Assign the leads routing could not place" done' }));

        expect(await screen.findByText(/Someone changed this to-do meanwhile/)).toBeTruthy();
        expect(screen.queryByText(/^Done:/)).toBeNull();
        // Read again: the to-do stays, as it is now, and can be marked done again.
        await waitFor(() => expect(todoCalls(calls)).toHaveLength(2));
        expect(await within(card).findByText(/urgent/)).toBeTruthy();
        const again = within(card).getByRole('button', { name: 'Mark "Assign the leads routing could not place" done' });
        await waitFor(() => expect(again.hasAttribute('disabled')).toBe(false));
      });

      it("shows the server's reason for another refusal", async () => {
        const task = todo('a-1', 'Call Ada back', { version: 2 });
        renderApp(
          '/',
          repRoutes(WRITER.id, {
            [toDosKey(WRITER.id)]: [todos([task]), todos([task])],
            [patchKey('a-1')]: [
              json(400, {
                type: '/problems/validation',
                title: 'Invalid request',
                status: 400,
                detail: 'status: a cancelled activity cannot become completed; it can become []',
                errors: [{ field: 'status', message: 'a cancelled activity cannot become completed; it can become []' }],
              }),
            ],
          }),
          { me: WRITER },
        );
        const card = await screen.findByRole('region', { name: 'My to-dos' });
        fireEvent.click(await within(card).findByRole('button', { name: 'Mark "Call Ada back" done' }));
        expect(await screen.findByText('Could not mark "Call Ada back" done')).toBeTruthy();
        expect(screen.getByText('Status: a cancelled activity cannot become completed; it can become [].')).toBeTruthy();
      });

      it('offers no button without activities:write', async () => {
        const { calls } = renderApp('/', repRoutes(REP.id, { [toDosKey(REP.id)]: [todos([todo('a-1', 'Call Ada back', { version: 3 })])] }), {
          me: REP,
        });
        const card = await screen.findByRole('region', { name: 'My to-dos' });
        expect(await within(card).findByText('Call Ada back')).toBeTruthy();
        expect(within(card).queryByRole('button')).toBeNull();
        expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
      });
    });

    it('is not shown without activities:read', async () => {
      const { calls } = renderApp('/', repRoutes(ME.id), { me: ME });
      const tasks = await screen.findByRole('region', { name: 'My open tasks' });
      expect(await within(tasks).findByText('All done')).toBeTruthy();
      expect(screen.queryByRole('region', { name: 'My to-dos' })).toBeNull();
      expect(calls.some((c) => c.path.startsWith('/api/v1/activities'))).toBe(false);
    });
  });
});
