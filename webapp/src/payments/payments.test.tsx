import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json as fakeJson, ME as FAKE_ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';
import { json, renderRecords, REP } from '../records/test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('../records/RecordPage');
  await import('./FinancePage');
});

const DEAL_ID = 'd0000000-0000-4000-8000-000000000001';
const D = `/api/v1/deals/${DEAL_ID}`;
const DEAL = { id: DEAL_ID, name: 'Globex rollout', amount: 2000, currency: 'EUR', status: 'open', ownerId: REP.id, version: 2 };
const EMPTY_PLAN = {
  dealId: DEAL_ID,
  currency: 'EUR',
  dealAmount: 2000,
  plannedTotal: 0,
  difference: -2000,
  paidTotal: 0,
  startedAt: null,
  fullyPaidAt: null,
  fullyPaid: false,
  milestones: [],
};
const MILESTONE = {
  id: 'm1',
  dealId: DEAL_ID,
  dealName: 'Globex rollout',
  position: 1,
  name: 'Deposit',
  amount: 1200,
  currency: 'EUR',
  trigger: 'on_deal_won',
  invoiceOn: null,
  netDays: 14,
  status: 'invoiced',
  paidAmount: 0,
  remaining: 1200,
  invoiceId: 'i1',
  invoiceNumber: 7,
  dueOn: '2026-12-20',
  overdue: false,
  remindersSent: 0,
  escalatedAt: null,
  paidAt: null,
};
const DEALER = { ...REP, permissions: [...REP.permissions, 'deals:write'] };
const FINANCE = { ...REP, permissions: ['deals:read', 'invoices:read', 'invoices:write', 'tasks:work'] };

function dealRoutes(plan: unknown[], more: Record<string, unknown[]> = {}) {
  return {
    'GET /api/v1/custom-fields': [json(200, [])],
    'GET /api/v1/users': [json(200, { items: [], nextCursor: null })],
    'GET /api/v1/pipelines': [json(200, [])],
    [`GET ${D}`]: [json(200, DEAL, { ETag: '"2"' })],
    [`GET ${D}/timeline`]: [json(200, { items: [], nextCursor: null })],
    [`GET ${D}/contacts`]: [json(200, [])],
    [`GET ${D}/payment-plan`]: plan,
    ...more,
  } as Parameters<typeof renderRecords>[1];
}

describe('the payments tab of a deal', () => {
  it('plans milestones, puts field errors on their fields and saves with the ETag', async () => {
    const { calls } = renderRecords(
      `/deals/${DEAL_ID}`,
      dealRoutes([json(200, EMPTY_PLAN, { ETag: '"0"' })], {
        [`PUT ${D}/payment-plan`]: [
          json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'milestones[0].amount', message: 'must be a positive amount with at most two decimals' }] }),
          json(200, { ...EMPTY_PLAN, plannedTotal: 2000, difference: 0, milestones: [{ ...MILESTONE, status: 'planned', amount: 2000, remaining: 2000 }] }, { ETag: '"1"' }),
        ],
      }),
      DEALER,
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Payments' }));
    const plan = await screen.findByRole('form', { name: 'Payment plan' });
    expect(within(plan).getByText('No milestones yet. Add the first one.')).toBeTruthy();
    fireEvent.click(within(plan).getByRole('button', { name: 'Add a milestone' }));
    fireEvent.change(within(plan).getByLabelText(/^Milestone 1 name/), { target: { value: 'Deposit' } });
    fireEvent.change(within(plan).getByLabelText(/^Milestone 1 amount/), { target: { value: '-5' } });
    fireEvent.click(within(plan).getByRole('button', { name: 'Save plan' }));
    expect(await within(plan).findByText('Must be a positive amount with at most two decimals.')).toBeTruthy();

    fireEvent.change(within(plan).getByLabelText(/^Milestone 1 amount/), { target: { value: '2000.00' } });
    fireEvent.click(within(plan).getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const put = calls.filter((c) => c.method === 'PUT')[1];
    expect(put?.headers.get('If-Match')).toBe('"0"');
    expect(put?.body).toEqual({ milestones: [{ name: 'Deposit', amount: '2000.00', trigger: 'on_deal_won', netDays: 14 }] });
    expect(await screen.findByRole('table', { name: 'Payment milestones' })).toBeTruthy();
    expect(screen.getByText('The plan covers the deal')).toBeTruthy();
  });

  it('shows where a running plan stands, records a payment by hand and lists the invoices', async () => {
    const running = { ...EMPTY_PLAN, startedAt: '2026-12-06T10:00:00Z', plannedTotal: 1200, difference: -800, milestones: [MILESTONE] };
    const { calls } = renderRecords(
      `/deals/${DEAL_ID}`,
      dealRoutes([json(200, running, { ETag: '"3"' }), json(200, { ...running, paidTotal: 1200, milestones: [{ ...MILESTONE, status: 'paid', remaining: 0, paidAmount: 1200 }] }, { ETag: '"4"' })], {
        [`GET ${D}/invoices`]: [
          json(200, [{ id: 'i1', number: 7, dealId: DEAL_ID, total: 1200, paidAmount: 0, currency: 'EUR', status: 'open', dueOn: '2026-12-20', issuedOn: '2026-12-06', lines: [] }]),
          json(200, []),
        ],
        'POST /api/v1/payment-milestones/m1/payments': [json(200, { ...MILESTONE, status: 'paid', remaining: 0 })],
      }),
      FINANCE,
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Payments' }));
    const table = await screen.findByRole('table', { name: 'Payment milestones' });
    expect(within(table).getByText('Invoiced')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Download invoice 7 as PDF' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Payment plan' })).toBeNull();

    fireEvent.click(within(table).getByRole('button', { name: 'Record payment' }));
    const form = await screen.findByRole('form', { name: 'Record a payment for Deposit' });
    fireEvent.change(within(form).getByLabelText(/^Reference/), { target: { value: 'bank-42' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save payment' }));
    const payments = () => calls.filter((c) => c.method === 'POST' && c.path.endsWith('/payments'));
    await waitFor(() => expect(payments()).toHaveLength(1));
    expect(payments()[0]?.body).toEqual({ amount: '1200', reference: 'bank-42' });
    expect(await within(await screen.findByRole('table', { name: 'Payment milestones' })).findByText('Paid')).toBeTruthy();
  });
});

describe('the finance page', () => {
  const ME = { ...FAKE_ME, roles: ['finance'], permissions: ['invoices:read', 'deals:read'] };

  it('shows the figures per currency and the overdue milestones with links to their deals', async () => {
    renderApp(
      '/finance',
      {
        'GET /api/v1/finance/figures': [
          fakeJson(200, {
            open: [{ currency: 'EUR', count: 2, amount: 1500 }],
            overdue: [{ currency: 'EUR', count: 1, amount: 600 }],
            paid: [],
          }),
        ],
        'GET /api/v1/payment-milestones': [
          fakeJson(200, { items: [{ ...MILESTONE, overdue: true, dueOn: '2026-11-20', escalatedAt: '2026-12-01T09:00:00Z' }], nextCursor: null }),
          fakeJson(200, { items: [], nextCursor: null }),
        ],
      },
      { me: ME },
    );
    const overdue = await screen.findByRole('table', { name: 'Overdue milestones' });
    expect(within(overdue).getByRole('link', { name: 'Globex rollout' }).getAttribute('href')).toBe(`/deals/${DEAL_ID}`);
    expect(within(overdue).getByText('With finance')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Overdue milestones' })).toBeTruthy();
    expect(screen.getByText('(1 milestone)')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Paid' }));
    expect(await screen.findByText('No milestones here')).toBeTruthy();
  });

  it('shows a load failure with a way to try again', async () => {
    renderApp(
      '/finance',
      {
        'GET /api/v1/finance/figures': [fakeJson(500, { status: 500, title: 'Internal Server Error' })],
        'GET /api/v1/payment-milestones': [fakeJson(200, { items: [], nextCursor: null })],
      },
      { me: ME },
    );
    expect(await screen.findByText('Nothing is overdue')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /try again/i })).toBeTruthy();
  });
});
