import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, MANAGER } from '../test/fakeFetch';
import { renderApp } from '../test/render';

const approval = (n: number, extra: object = {}) => ({
  taskId: `task-${n}`,
  dealId: `0000000${n}-0797-3e2d-b047-f60c51eb12e9`,
  dealName: `New business #${n}`,
  amount: 310000,
  currency: 'USD',
  discountPercent: 8,
  marginPercent: 41,
  region: 'EMEA',
  level: 1,
  approverRole: 'manager',
  why: 'Deal of 50,000 or more',
  ...extra,
});

const PIPELINES = [
  { id: 'p-sales', name: 'Sales', isDefault: true, stages: [{ id: 's-neg', name: 'Negotiation', closed: false }] },
];

function inbox(routes: Parameters<typeof renderApp>[1]) {
  return renderApp(
    '/approvals',
    {
      'GET /api/v1/deals': [json(200, { items: [{ id: approval(1).dealId, pipelineId: 'p-sales', stageId: 's-neg' }], nextCursor: null })],
      'GET /api/v1/pipelines': [json(200, PIPELINES)],
      'GET /api/v1/tasks': [json(200, { items: [], nextCursor: null })],
      ...routes,
    },
    { me: MANAGER },
  );
}

describe('approval inbox', () => {
  it('shows the key figures and the rule, and rejects only with a reason', async () => {
    const { calls } = inbox({
      'GET /api/v1/approvals': [json(200, { items: [approval(1)], nextCursor: null }), json(200, { items: [approval(1)], nextCursor: null })],
      'POST /api/v1/approvals/task-1/reject': [json(204)],
    });

    const table = await screen.findByRole('table', { name: 'Approvals waiting for you' });
    const row = within(table).getByRole('row', { name: /New business #1/ });
    expect(within(row).getByText('Deal of 50,000 or more')).toBeTruthy();
    expect(within(row).getByText('EMEA')).toBeTruthy();
    expect(within(row).getByText(/41/)).toBeTruthy();
    expect(await within(row).findByText('Sales · Negotiation')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Reject New business #1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject New business #1' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject deal' }));

    const reason = within(dialog).getByLabelText(/^Reason/);
    expect(await within(dialog).findByText('Give a reason: the rep reads it to rework the deal.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(calls.some((c) => c.path.endsWith('/reject'))).toBe(false);

    fireEvent.change(reason, { target: { value: 'Discount too deep for this account' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject deal' }));

    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/approvals/task-1/reject')?.body).toEqual({
        reason: 'Discount too deep for this account',
      }),
    );
  });

  it('approves the selected deals at once and reports the ones that failed', async () => {
    const { calls } = inbox({
      'GET /api/v1/approvals': [
        json(200, { items: [approval(1), approval(2), approval(3)], nextCursor: null }),
        json(200, { items: [approval(1), approval(2), approval(3)], nextCursor: null }),
        json(200, { items: [approval(3)], nextCursor: null }),
        json(200, { items: [approval(3)], nextCursor: null }),
      ],
      'POST /api/v1/approvals/approve': [
        json(200, [
          { taskId: 'task-1', status: 204 },
          { taskId: 'task-2', status: 409, detail: 'Decided meanwhile' },
        ]),
      ],
    });

    const table = await screen.findByRole('table', { name: 'Approvals waiting for you' });
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select New business #1' }));
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select New business #2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve selected (2)' }));

    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/approvals/approve')?.body).toEqual({ taskIds: ['task-1', 'task-2'] }),
    );
    expect(await screen.findByText('1 of 2 approved')).toBeTruthy();
    expect(await screen.findByText(/Not approved: New business #2/)).toBeTruthy();
  });
});
