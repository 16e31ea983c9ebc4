import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, renderRecords, REP, withLayout } from '../test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  withLayout();
  await import('../RecordListPage');
  await import('../RecordPage');
});

const empty = json(200, { items: [], nextCursor: null });
const recordPage = {
  'GET /api/v1/users': [empty],
  [`GET /api/v1/leads/${LEAD_A.id}/timeline`]: [empty],
};

describe('creating a record from its list', () => {
  it('asks for the required fields before sending anything and focuses the first', async () => {
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [empty],
      'GET /api/v1/custom-fields': [json(200, [])],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create lead' }));

    expect(await within(dialog).findByText('Required.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText(/^Source/));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/leads')).toBe(false);
  });

  it('shows what the server refuses on its field, then opens the created lead', async () => {
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [empty],
      'GET /api/v1/custom-fields': [
        json(200, [{ key: 'tier', label: 'Tier', type: 'picklist', options: ['Gold', 'Silver'], required: true, archived: false }]),
      ],
      'POST /api/v1/leads': [
        json(400, {
          type: '/problems/validation',
          status: 400,
          title: 'Invalid request',
          errors: [{ field: 'email', message: 'must be a well-formed email address' }],
        }),
        json(201, { ...LEAD_A, email: 'ada@engines.example' }),
      ],
      [`GET /api/v1/leads/${LEAD_A.id}`]: [json(200, LEAD_A, { ETag: '"3"' })],
      ...recordPage,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    fireEvent.change(within(dialog).getByLabelText('Last name'), { target: { value: 'Lovelace' } });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'ada@' } });
    fireEvent.change(within(dialog).getByLabelText(/^Source/), { target: { value: 'referral' } });
    fireEvent.change(await within(dialog).findByLabelText(/^Tier/), { target: { value: 'Gold' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create lead' }));

    expect(await within(dialog).findByText('Must be a well-formed email address.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Email')));

    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'ada@engines.example' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create lead' }));

    expect(await screen.findByRole('heading', { name: 'Ada Lovelace · Engines' })).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/leads');
    expect(posts[1]?.body).toEqual({ lastName: 'Lovelace', email: 'ada@engines.example', source: 'referral', customFields: { tier: 'Gold' } });
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(posts[0]?.headers.get('Idempotency-Key'));
  });

  it('names a refused field the form does not show', async () => {
    renderRecords('/accounts', {
      'GET /api/v1/accounts': [empty],
      'GET /api/v1/custom-fields': [json(200, [])],
      'POST /api/v1/accounts': [
        json(400, { type: '/problems/validation', status: 400, title: 'Invalid request', errors: [{ field: 'customFields.partner', message: 'is required' }] }),
      ],
    }, { ...REP, permissions: [...REP.permissions, 'accounts:write'] });
    fireEvent.click(await screen.findByRole('button', { name: 'New account' }));
    const dialog = await screen.findByRole('dialog', { name: 'New account' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Initech' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('customFields.partner: Is required.');
  });

  it('offers no "New" button to someone who may only read', async () => {
    renderRecords('/leads', { 'GET /api/v1/leads': [json(200, { items: [LEAD_A], nextCursor: null })] }, { ...REP, permissions: ['leads:read'] });
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New lead' })).toBeNull();
  });
});
