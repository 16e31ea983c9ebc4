import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';

const ADMIN = {
  ...ME,
  email: 'admin@acme.test',
  displayName: 'Ada Admin',
  roles: ['org_admin'],
  permissions: ['tenant:manage', 'leads:read'],
};

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const ENDPOINT = {
  id: 'e-1',
  slug: 'website',
  name: 'Website forms',
  scheme: 'standard',
  action: 'create_lead',
  lead: { source: 'web_form', fields: { lastName: '/lastName', email: '/email' } },
  enabled: true,
  path: '/hooks/acme/website',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

const EVENTS = {
  items: [
    {
      id: 'ev-2',
      eventKey: 'msg_2',
      keySource: 'webhook-id',
      receivedAt: '2026-12-02T10:00:00Z',
      status: 'failed',
      attempts: 1,
      error: 'No process instance waits for PaymentReceived with these keys',
    },
    {
      id: 'ev-1',
      eventKey: 'msg_1',
      keySource: 'webhook-id',
      receivedAt: '2026-12-01T10:00:00Z',
      status: 'processed',
      attempts: 1,
      result: 'lead:l-1',
      processedAt: '2026-12-01T10:00:01Z',
    },
  ],
  nextCursor: 'next',
};

describe('inbound webhooks', () => {
  it('creates an endpoint from the mapping rows and shows its address and secret once', async () => {
    const { calls } = renderApp(
      '/admin/inbound-webhooks',
      {
        'GET /api/v1/inbound-webhooks': [json(200, []), json(200, [ENDPOINT]), json(200, [ENDPOINT])],
        'POST /api/v1/inbound-webhooks': [json(201, { endpoint: ENDPOINT, secret: SECRET })],
      },
      { me: ADMIN },
    );
    expect(await screen.findByText('No inbound webhooks yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New inbound webhook' }));
    const form = await screen.findByRole('dialog', { name: 'New inbound webhook' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Website forms' } });
    fireEvent.change(within(form).getByLabelText(/^Address name/), { target: { value: 'website' } });
    fireEvent.change(within(form).getByLabelText('Pointer 2'), { target: { value: '/contact/email' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Remove row 1' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create endpoint' }));

    const shown = await screen.findByRole('dialog', { name: 'Inbound webhook Website forms created' });
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/inbound-webhooks')?.body).toEqual({
      name: 'Website forms',
      slug: 'website',
      scheme: 'standard',
      action: 'create_lead',
      lead: { source: 'web_form', fields: { email: '/contact/email' } },
    });
    expect((within(shown).getByLabelText('Signing secret') as HTMLInputElement).value).toBe(SECRET);
    expect((within(shown).getByLabelText('Address to call') as HTMLInputElement).value).toBe(
      `${window.location.origin}/hooks/acme/website`,
    );
    expect(within(shown).getByText(/only time Salesflow shows this signing secret/)).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copy secret' })).toBeTruthy();

    fireEvent.click(within(shown).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /created/ })).toBeNull());
    const table = await screen.findByRole('table', { name: 'Inbound webhooks' });
    expect(within(table).getByText('Website forms')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('shows the server field error on the mapping row it names', async () => {
    renderApp(
      '/admin/inbound-webhooks',
      {
        'GET /api/v1/inbound-webhooks': [json(200, [])],
        'POST /api/v1/inbound-webhooks': [
          json(400, {
            type: '/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail: 'lead.fields.email: must be a JSON pointer such as /email',
            errors: [{ field: 'lead.fields.email', message: 'must be a JSON pointer such as /email (form fields: /From)' }],
          }),
        ],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'New inbound webhook' }));
    const form = await screen.findByRole('dialog', { name: 'New inbound webhook' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Forms' } });
    fireEvent.change(within(form).getByLabelText(/^Address name/), { target: { value: 'forms' } });
    fireEvent.change(within(form).getByLabelText('Pointer 2'), { target: { value: 'email' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create endpoint' }));

    const pointer = within(form).getByLabelText('Pointer 2');
    await waitFor(() => expect(pointer.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText(/must be a JSON pointer such as \/email/i)).toBeTruthy();
  });

  it('asks a Meta endpoint for the app secret and shows its verify token once', async () => {
    const meta = { ...ENDPOINT, id: 'e-2', slug: 'meta', name: 'Meta leads', scheme: 'meta', path: '/hooks/acme/meta' };
    const { calls } = renderApp(
      '/admin/inbound-webhooks',
      {
        'GET /api/v1/inbound-webhooks': [json(200, []), json(200, [meta])],
        'POST /api/v1/inbound-webhooks': [json(201, { endpoint: meta, verifyToken: 'verify-me' })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'New inbound webhook' }));
    const form = await screen.findByRole('dialog', { name: 'New inbound webhook' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Meta leads' } });
    fireEvent.change(within(form).getByLabelText(/^Address name/), { target: { value: 'meta' } });
    fireEvent.click(within(form).getByRole('combobox', { name: 'Signature scheme' }));
    fireEvent.click(await screen.findByRole('option', { name: /^Meta/, hidden: true }));
    fireEvent.change(within(form).getByLabelText(/^App secret/), { target: { value: 'app-secret' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create endpoint' }));

    const shown = await screen.findByRole('dialog', { name: 'Inbound webhook Meta leads created' });
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/inbound-webhooks')?.body).toMatchObject({ scheme: 'meta', secret: 'app-secret' });
    expect((within(shown).getByLabelText('Verify token') as HTMLInputElement).value).toBe('verify-me');
    expect(within(shown).queryByLabelText('Signing secret')).toBeNull();
  });

  it('shows the event log with outcomes, filters it, and retries a failed event', async () => {
    const { calls } = renderApp(
      '/admin/inbound-webhooks',
      {
        'GET /api/v1/inbound-webhooks': [json(200, [ENDPOINT])],
        'GET /api/v1/inbound-webhooks/e-1/events?limit=50': [json(200, EVENTS), json(200, EVENTS)],
        'GET /api/v1/inbound-webhooks/e-1/events?limit=50&cursor=next': [json(200, { items: [], nextCursor: null })],
        'GET /api/v1/inbound-webhooks/e-1/events?limit=50&status=failed': [json(200, { items: [EVENTS.items[0]] })],
        'POST /api/v1/inbound-webhooks/e-1/events/ev-2/retry': [json(200, { ...EVENTS.items[0], status: 'received' })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Events Website forms' }));
    const log = await screen.findByRole('table', { name: 'Events of Website forms' });
    expect(within(log).getByText(/No process instance waits for PaymentReceived/)).toBeTruthy();
    expect(within(log).getByRole('link', { name: 'Lead created' }).getAttribute('href')).toBe('/leads/l-1');

    fireEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('cursor=next'))).toBe(true));

    fireEvent.click(within(log).getByRole('button', { name: 'Retry event msg_2' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/inbound-webhooks/e-1/events/ev-2/retry')).toBe(true),
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Failed' }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('status=failed'))).toBe(true));
  });

  it('disables an endpoint keeping its mapping', async () => {
    const { calls } = renderApp(
      '/admin/inbound-webhooks',
      {
        'GET /api/v1/inbound-webhooks': [json(200, [ENDPOINT]), json(200, [{ ...ENDPOINT, enabled: false }])],
        'PUT /api/v1/inbound-webhooks/e-1': [json(200, { ...ENDPOINT, enabled: false })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Disable Website forms' }));
    expect(await screen.findByRole('button', { name: 'Enable Website forms' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      name: 'Website forms',
      action: 'create_lead',
      lead: ENDPOINT.lead,
      enabled: false,
    });
  });

  it('is not offered to users who may not manage the workspace', async () => {
    renderApp('/admin', {}, { me: { ...ADMIN, permissions: ['users:read'] } });
    expect(await screen.findByRole('link', { name: 'Users' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Inbound webhooks' })).toBeNull();
  });
});
