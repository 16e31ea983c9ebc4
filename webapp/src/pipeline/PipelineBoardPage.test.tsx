import { notifications } from '@mantine/notifications';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, type Reply } from '../test/fakeFetch';
import { renderApp } from '../test/render';

const PIPELINE = {
  id: 'p-sales',
  name: 'Sales',
  isDefault: true,
  archived: false,
  version: 1,
  stages: [
    { id: 's-qualify', name: 'Qualify', probability: 10, closed: false, won: false, requiresApproval: false },
    { id: 's-negotiate', name: 'Negotiation', probability: 60, closed: false, won: false, requiresApproval: true },
    { id: 's-contract', name: 'Contract', probability: 80, closed: false, won: false, requiresApproval: false },
    { id: 's-won', name: 'Closed won', probability: 100, closed: true, won: true, requiresApproval: false },
  ],
};
const STAGE_IDS = PIPELINE.stages.map((s) => s.id);

const REASONS = [
  { id: 'r-price', kind: 'WON', label: 'Best price', active: true, position: 0, version: 0 },
  { id: 'r-old', kind: 'WON', label: 'Retired reason', active: false, position: 1, version: 0 },
  { id: 'r-lost', kind: 'LOST', label: 'No budget', active: true, position: 0, version: 0 },
];

const DEAL = {
  id: 'd-1',
  name: 'Umbrella rollout',
  amount: 40000,
  currency: 'EUR',
  pipelineId: 'p-sales',
  stageId: 's-qualify',
  status: 'open',
  stageEnteredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  expectedCloseDate: '2099-06-30',
  approvalStatus: null,
  version: 3,
  owner: { id: 'u-1', displayName: 'Rita Rep', email: 'rep@acme.test' },
  account: { id: 'a-1', name: 'Umbrella Corp', domain: 'umbrella.test' },
};

function columnPath(stageId: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    pipelineId: 'p-sales',
    stageId,
    ...extra,
    embed: 'owner,account',
    sort: '-stageEnteredAt',
    limit: '20',
  });
  return `GET /api/v1/deals?${query.toString()}`;
}

const page = (items: unknown[], nextCursor: string | null = null) => json(200, { items, nextCursor });
const EMPTY = { items: [], nextCursor: null };

/** The board's columns, each answering `replies[stage]` in turn (then empty pages). */
function board(replies: Partial<Record<string, Reply[]>> = {}): Record<string, Reply[]> {
  const routes: Record<string, Reply[]> = {
    'GET /api/v1/pipelines': [json(200, [PIPELINE])],
    'GET /api/v1/deal-reasons': [json(200, REASONS)],
    'GET /api/v1/tasks': Array.from({ length: 5 }, () => json(200, EMPTY)),
  };
  for (const id of STAGE_IDS) routes[columnPath(id)] = [...(replies[id] ?? []), ...Array.from({ length: 4 }, () => page([]))];
  return routes;
}

// happy-dom lays nothing out: give each column a place side by side, and each card a place in its column, so
// dnd-kit's collision detection works as in a browser.
function layOut() {
  return vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const rect = (left: number, top: number, width: number, height: number) =>
      ({ x: left, y: top, left, top, width, height, right: left + width, bottom: top + height, toJSON: () => ({}) }) as DOMRect;
    // The picture under the pointer starts where the dragged card is (its handle has the focus).
    const overlay = this.matches('[data-overlay-card]') || this.querySelector('[data-overlay-card]') !== null;
    const column = (overlay ? document.activeElement : this)?.closest<HTMLElement>('[data-stage-id]');
    if (!column) return rect(0, 0, 0, 0);
    const left = STAGE_IDS.indexOf(column.dataset.stageId ?? '') * 300;
    if (this === column && !overlay) return rect(left, 0, 280, 800);
    return rect(left + 8, 60, 264, 100);
  });
}

async function dragRight(name: string, steps = 1) {
  const handle = await screen.findByRole('button', { name: `Move ${name}` });
  handle.focus();
  fireEvent.keyDown(handle, { key: ' ', code: 'Space' });
  // The keyboard sensor listens for the next keys after a tick.
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  for (let i = 0; i < steps; i++) {
    fireEvent.keyDown(handle, { key: 'ArrowRight', code: 'ArrowRight' });
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  fireEvent.keyDown(handle, { key: ' ', code: 'Space' });
}

function column(name: string) {
  return within(screen.getByRole('list', { name: `Deals in ${name}` }));
}

// The whole app renders (shell, lazy pages) on a slow machine: allow more than a second.
configure({ asyncUtilTimeout: 5000 });

describe('PipelineBoardPage', { timeout: 20_000 }, () => {
  let layout: ReturnType<typeof layOut>;
  beforeEach(() => {
    layout = layOut();
  });
  afterEach(() => {
    layout.mockRestore();
    notifications.clean();
  });

  it('shows the deals as cards in their stages with column totals', async () => {
    renderApp(
      '/pipeline',
      board({
        's-qualify': [page([DEAL, { ...DEAL, id: 'd-2', name: 'Hooli pilot', amount: 2000, version: 1, account: null }], 'next-1')],
        's-negotiate': [page([{ ...DEAL, id: 'd-3', name: 'Initech renewal', stageId: 's-negotiate', approvalStatus: 'PENDING' }])],
      }),
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Pipeline' })).toBeTruthy();
    const card = await screen.findByRole('listitem', { name: 'Umbrella rollout' });
    expect(within(card).getByRole('link', { name: 'Umbrella rollout' }).getAttribute('href')).toBe('/deals/d-1');
    expect(within(card).getByText('Umbrella Corp')).toBeTruthy();
    expect(within(card).getByText('Rita Rep')).toBeTruthy();
    expect(within(card).getByText('3 d in stage')).toBeTruthy();
    expect(screen.getByLabelText('Qualify totals').textContent).toMatch(/^2\+ deals · at least .*42,000/);
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
    const held = screen.getByRole('listitem', { name: 'Initech renewal' });
    expect(within(held).getByText('Waiting for approval')).toBeTruthy();
  });

  it('loads the next page of a stage on request', async () => {
    const routes = board({ 's-qualify': [page([DEAL], 'next-1')] });
    routes[`${columnPath('s-qualify').replace('limit=20', 'limit=20&cursor=next-1')}`] = [
      page([{ ...DEAL, id: 'd-9', name: 'Later deal' }]),
    ];
    renderApp('/pipeline', routes);

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('listitem', { name: 'Later deal' })).toBeTruthy();
    expect(column('Qualify').getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters by owner for "Mine"', async () => {
    const routes = board({ 's-qualify': [page([DEAL])] });
    for (const id of STAGE_IDS) routes[columnPath(id, { ownerId: '6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c10' })] = [page([])];
    const { calls } = renderApp('/pipeline', routes);

    await screen.findByRole('listitem', { name: 'Umbrella rollout' });
    fireEvent.click(screen.getByRole('radio', { name: 'Mine' }));

    await waitFor(() =>
      expect(calls.filter((c) => c.path.includes('ownerId=6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c10'))).toHaveLength(4),
    );
  });

  it('moves a dropped card through the API: PATCH of the stage with If-Match', async () => {
    const moved = { ...DEAL, stageId: 's-negotiate', approvalStatus: 'PENDING', version: 4 };
    const routes = board({
      's-qualify': [page([DEAL])],
      's-negotiate': [page([]), page([moved])],
    });
    routes['PATCH /api/v1/deals/d-1'] = [json(200, { ...moved, owner: undefined, account: undefined })];
    const { calls, fetch } = renderApp('/pipeline', routes);
    await screen.findByRole('listitem', { name: 'Umbrella rollout' });

    await dragRight('Umbrella rollout');

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/deals/d-1');
    expect(patch?.body).toEqual({ stageId: 's-negotiate' });
    const request = fetch.mock.calls.map(([r]) => r).find((r) => r.method === 'PATCH');
    expect(request?.headers.get('If-Match')).toBe('"3"');

    const card = await column('Negotiation').findByRole('listitem', { name: 'Umbrella rollout' });
    expect(await within(card).findByText('Waiting for approval')).toBeTruthy();
    expect(column('Qualify').queryByRole('listitem', { name: 'Umbrella rollout' })).toBeNull();
    expect(await screen.findByText('Umbrella rollout moved to Negotiation.')).toBeTruthy();
  });

  it('snaps a refused move back and shows the server’s reason', async () => {
    const held = { ...DEAL, id: 'd-5', name: 'Initech renewal', stageId: 's-negotiate', approvalStatus: 'PENDING' };
    const routes = board({ 's-negotiate': [page([held]), page([held])] });
    routes['PATCH /api/v1/deals/d-5'] = [
      json(409, {
        type: '/problems/approval-pending',
        title: 'Approval pending',
        status: 409,
        detail: 'the deal waits for approval a-7 before it moves on or is won; moving it back or losing it is allowed',
        approvalId: 'a-7',
      }),
    ];
    renderApp('/pipeline', routes);
    await screen.findByRole('listitem', { name: 'Initech renewal' });

    await dragRight('Initech renewal');

    expect(await screen.findByText('Approval pending')).toBeTruthy();
    expect(screen.getByText(/the deal waits for approval a-7 before it moves on or is won/)).toBeTruthy();
    await waitFor(() => expect(column('Negotiation').getByRole('listitem', { name: 'Initech renewal' })).toBeTruthy());
    expect(column('Contract').queryByRole('listitem', { name: 'Initech renewal' })).toBeNull();
  });

  it('says so when someone changed the deal meanwhile (412) and puts the card back', async () => {
    const routes = board({ 's-qualify': [page([DEAL]), page([{ ...DEAL, version: 5 }])] });
    routes['PATCH /api/v1/deals/d-1'] = [
      json(412, { type: '/problems/precondition-failed', title: 'Precondition failed', status: 412, currentETag: '"5"' }),
    ];
    renderApp('/pipeline', routes);
    await screen.findByRole('listitem', { name: 'Umbrella rollout' });

    await dragRight('Umbrella rollout');

    expect(await screen.findByText(/Someone changed this deal meanwhile/)).toBeTruthy();
    await waitFor(() => expect(column('Qualify').getByRole('listitem', { name: 'Umbrella rollout' })).toBeTruthy());
    expect(column('Negotiation').queryByRole('listitem', { name: 'Umbrella rollout' })).toBeNull();
  });

  it('asks for the won reason before winning a deal, and sends it', async () => {
    const approved = { ...DEAL, stageId: 's-contract', approvalStatus: 'APPROVED' };
    const routes = board({ 's-contract': [page([approved])] });
    routes['PATCH /api/v1/deals/d-1'] = [json(200, { ...approved, stageId: 's-won', status: 'won', version: 4 })];
    const { calls } = renderApp('/pipeline', routes);
    await screen.findByRole('listitem', { name: 'Umbrella rollout' });

    await dragRight('Umbrella rollout');

    const dialog = await screen.findByRole('dialog', { name: 'Win Umbrella rollout' });
    expect(within(dialog).queryByLabelText('Retired reason')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as won' }));
    expect(await within(dialog).findByText('Pick why the deal was won.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.click(within(dialog).getByLabelText('Best price'));
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'Signed today' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as won' }));

    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        stageId: 's-won',
        wonReasonId: 'r-price',
        closeNote: 'Signed today',
      }),
    );
  });
});
