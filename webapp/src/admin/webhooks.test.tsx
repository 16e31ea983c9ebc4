import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';

const ADMIN = {
  ...ME,
  id: '0b7e1d2c-2222-4c1e-9a55-0d2f8e4b7c10',
  email: 'admin@acme.test',
  displayName: 'Ada Admin',
  roles: ['org_admin'],
  permissions: ['tenant:manage', 'users:read'],
};

const EVENT_TYPES = [
  { type: 'lead.created', description: 'A lead was created' },
  { type: 'deal.won', description: 'A deal was won' },
];

const SUBSCRIPTION = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  url: 'https://hooks.example.com/salesflow',
  description: 'Data warehouse',
  eventTypes: ['lead.created'],
  enabled: true,
  consecutiveFailures: 0,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
};

const DISABLED = {
  ...SUBSCRIPTION,
  id: 'a1b2c3d4-0000-4000-8000-000000000002',
  url: 'https://gone.example.com/hook',
  enabled: false,
  disabledReason: 'The receiver answered 410 Gone: it wants no more deliveries',
};

const DELIVERY = {
  id: 'd1d1d1d1-0000-4000-8000-000000000001',
  subscriptionId: SUBSCRIPTION.id,
  eventType: 'lead.created',
  webhookId: 'msg_d1d1d1d1000040008000000000000001',
  status: 'FAILED',
  attempts: 8,
  lastStatusCode: 500,
  createdAt: '2026-03-01T10:00:00Z',
};

describe('webhook subscriptions', () => {
  it('lists subscriptions with why one was disabled, and is linked from the admin page', async () => {
    renderApp('/admin/webhooks', { 'GET /api/v1/webhook-subscriptions': [json(200, [SUBSCRIPTION, DISABLED])] }, { me: ADMIN });
    const table = await screen.findByRole('table', { name: 'Webhook subscriptions' });
    expect(within(table).getByText('https://hooks.example.com/salesflow')).toBeTruthy();
    expect(within(table).getByText(/410 Gone/)).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Enable https://gone.example.com/hook' })).toBeTruthy();
  });

  it('shows the empty state', async () => {
    renderApp('/admin/webhooks', { 'GET /api/v1/webhook-subscriptions': [json(200, [])] }, { me: ADMIN });
    expect(await screen.findByText('No webhook subscriptions yet')).toBeTruthy();
  });

  it('creates a subscription, shows server field errors, then the secret once with a copy button', async () => {
    const { calls } = renderApp(
      '/admin/webhooks',
      {
        'GET /api/v1/webhook-subscriptions': [json(200, []), json(200, [SUBSCRIPTION]), json(200, [SUBSCRIPTION])],
        'GET /api/v1/webhook-subscriptions/event-types': [json(200, EVENT_TYPES)],
        'POST /api/v1/webhook-subscriptions': [
          json(400, {
            type: '/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail: 'url: host 10.0.0.1 resolves to 10.0.0.1, an address of a private network',
            errors: [{ field: 'url', message: 'host 10.0.0.1 resolves to 10.0.0.1, an address of a private network' }],
          }),
          json(201, { subscription: SUBSCRIPTION, secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' }),
        ],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'New subscription' }));
    const dialog = await screen.findByRole('dialog', { name: 'New webhook subscription' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /URL/ }), { target: { value: 'https://10.0.0.1/hook' } });
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /lead.created/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create subscription' }));
    expect(await within(dialog).findByText(/private network/)).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('textbox', { name: /URL/ }), {
      target: { value: 'https://hooks.example.com/salesflow' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create subscription' }));
    const secret = await screen.findByRole('dialog', { name: 'Subscription created' });
    expect((within(secret).getByRole('textbox', { name: 'Signing secret' }) as HTMLInputElement).value).toBe(
      'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
    );
    expect(within(secret).getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/webhook-subscriptions');
    expect(posts[1]?.body).toEqual({
      url: 'https://hooks.example.com/salesflow',
      eventTypes: ['lead.created'],
      enabled: true,
    });
    fireEvent.click(within(secret).getByRole('button', { name: 'I have stored the secret' }));
    await waitFor(() => expect(screen.queryByText('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=')).toBeNull());
  });

  it('disables a subscription', async () => {
    const { calls } = renderApp(
      '/admin/webhooks',
      {
        'GET /api/v1/webhook-subscriptions': [json(200, [SUBSCRIPTION]), json(200, [{ ...SUBSCRIPTION, enabled: false }])],
        [`PUT /api/v1/webhook-subscriptions/${SUBSCRIPTION.id}`]: [json(200, { ...SUBSCRIPTION, enabled: false })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Disable https://hooks.example.com/salesflow' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ enabled: false, eventTypes: ['lead.created'] });
  });

  it('rotates the secret and shows the new one with the overlap', async () => {
    renderApp(
      '/admin/webhooks',
      {
        'GET /api/v1/webhook-subscriptions': [json(200, [SUBSCRIPTION]), json(200, [SUBSCRIPTION])],
        [`POST /api/v1/webhook-subscriptions/${SUBSCRIPTION.id}/rotate-secret`]: [
          json(200, { secret: 'whsec_bmV3LXNlY3JldA==', previousSecretValidUntil: '2026-03-02T10:00:00Z' }),
        ],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Rotate secret of https://hooks.example.com/salesflow' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rotate secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'New signing secret' });
    expect((within(dialog).getByRole('textbox', { name: 'Signing secret' }) as HTMLInputElement).value).toBe(
      'whsec_bmV3LXNlY3JldA==',
    );
    expect(within(dialog).getByText(/old secret too until/)).toBeTruthy();
  });

  it('shows the delivery log with attempts and redelivers', async () => {
    const { calls } = renderApp(
      '/admin/webhooks',
      {
        'GET /api/v1/webhook-subscriptions': [json(200, [SUBSCRIPTION]), json(200, [SUBSCRIPTION])],
        [`GET /api/v1/webhook-subscriptions/${SUBSCRIPTION.id}/deliveries`]: [
          json(200, { items: [DELIVERY], nextCursor: null }),
          json(200, { items: [{ ...DELIVERY, status: 'PENDING' }], nextCursor: null }),
        ],
        [`GET /api/v1/webhook-deliveries/${DELIVERY.id}`]: [
          json(200, {
            delivery: DELIVERY,
            payload: '{"type":"lead.created"}',
            attempts: [
              {
                id: 2,
                attemptedAt: '2026-03-01T10:00:05Z',
                durationMs: 31,
                statusCode: 500,
                outcome: 'FAILED',
                response: 'internal error',
              },
            ],
          }),
          json(200, { delivery: { ...DELIVERY, status: 'PENDING' }, payload: '{}', attempts: [] }),
        ],
        [`POST /api/v1/webhook-deliveries/${DELIVERY.id}/redeliver`]: [json(202, { ...DELIVERY, status: 'PENDING' })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Deliveries of https://hooks.example.com/salesflow' }));
    const log = await screen.findByRole('table', { name: 'Deliveries' });
    expect(within(log).getByText('FAILED')).toBeTruthy();
    fireEvent.click(within(log).getByRole('button', { name: /Details of lead.created/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Delivery' });
    const attempts = await within(dialog).findByRole('table', { name: 'Attempts' });
    expect(within(attempts).getByText('internal error')).toBeTruthy();
    expect(within(attempts).getByText('31 ms')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Redeliver' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/redeliver'))).toBe(true));
  });
});
