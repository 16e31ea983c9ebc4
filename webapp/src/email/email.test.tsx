import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, ME, renderRecords, REP } from '../records/test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('../records/RecordPage');
  await import('./EmailSettingsPage');
  await import('./SuppressionsPage');
});

const A = `/api/v1/leads/${LEAD_A.id}`;
const SENDER = { ...REP, permissions: [...REP.permissions, 'messages:write'] };
const ADMIN = { ...ME, roles: ['org_admin'], permissions: ['tenant:manage', 'leads:read'] };
const empty = json(200, { items: [], nextCursor: null });
const TEMPLATE = {
  id: 't0000000-0000-4000-8000-000000000001',
  name: 'Demo follow-up',
  version: 2,
  currentVersion: 2,
  subject: 'Hello {{record.firstName}}',
  text: 'Hi {{vars.offer}}',
  variables: ['record.firstName', 'vars.offer'],
};
const SENT = {
  id: 'e0000000-0000-4000-8000-000000000001',
  direction: 'outbound',
  status: 'sent',
  subject: 'Your demo',
  to: ['ada@analytical.example'],
  text: 'Hello Ada',
  createdAt: '2026-01-05T09:30:00Z',
  sentAt: '2026-01-05T09:30:02Z',
};

function leadRoutes(extra: Record<string, ReturnType<typeof json>[]> = {}) {
  return {
    'GET /api/v1/custom-fields': [json(200, [])],
    'GET /api/v1/users': [json(200, { items: [{ ...ME, status: 'active' }], nextCursor: null })],
    [`GET ${A}/timeline`]: [empty, empty],
    [`GET ${A}`]: [json(200, { ...LEAD_A, email: 'ada@analytical.example' }, { ETag: '"3"' })],
    ...extra,
  };
}

describe('sending an email from a lead', () => {
  it('writes one, shows the server refusal on its field, then queues it under one idempotency key', async () => {
    const { calls } = renderRecords(
      `/leads/${LEAD_A.id}`,
      leadRoutes({
        'GET /api/v1/email-templates': [json(200, { items: [TEMPLATE], nextCursor: null })],
        'POST /api/v1/emails': [
          json(422, {
            type: '/problems/email-suppressed',
            status: 422,
            title: 'Address suppressed',
            errors: [{ field: 'to', message: 'ada@analytical.example is on the suppression list' }],
          }),
          json(201, { ...SENT, status: 'queued' }),
        ],
        'GET /api/v1/emails': [json(200, { items: [SENT], nextCursor: null })],
      }),
      SENDER,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send email' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send an email' });
    expect((within(dialog).getByLabelText(/^To/) as HTMLInputElement).value).toBe('ada@analytical.example');
    fireEvent.change(within(dialog).getByLabelText(/^Subject/), { target: { value: 'Your demo' } });
    fireEvent.change(within(dialog).getByLabelText(/^Message/), { target: { value: 'Hello Ada' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByText('Ada@analytical.example is on the suppression list.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/emails');
    expect(posts[1]?.body).toEqual({ to: 'ada@analytical.example', subject: 'Your demo', text: 'Hello Ada', recordType: 'lead', recordId: LEAD_A.id });
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(posts[0]?.headers.get('Idempotency-Key'));

    fireEvent.click(screen.getByRole('tab', { name: 'Emails' }));
    expect(await screen.findByText('Your demo')).toBeTruthy();
    expect(screen.getByText('sent')).toBeTruthy();
  });

  it('sends a template with the values its variables need', async () => {
    const { calls } = renderRecords(
      `/leads/${LEAD_A.id}`,
      leadRoutes({
        'GET /api/v1/email-templates': [json(200, { items: [TEMPLATE], nextCursor: null })],
        'POST /api/v1/emails': [json(201, { ...SENT, status: 'queued' })],
      }),
      SENDER,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send email' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send an email' });
    const picker = within(dialog).getByLabelText(/^Template/);
    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole('option', { name: 'Demo follow-up', hidden: true }));
    fireEvent.change(await within(dialog).findByLabelText(/^offer/), { target: { value: 'a trial' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/emails');
    expect(post?.body).toMatchObject({ templateId: TEMPLATE.id, variables: { offer: 'a trial' } });
  });

  it('is not offered without messages:write', async () => {
    renderRecords(`/leads/${LEAD_A.id}`, leadRoutes(), REP);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace · Engines' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send email' })).toBeNull();
  });
});

describe('the sender settings page', () => {
  it('keeps the password write-only and shows field errors', async () => {
    const settings = {
      configured: true,
      smtpHost: 'smtp.acme.example',
      smtpPort: 587,
      smtpSecurity: 'starttls',
      smtpUsername: 'sales',
      passwordSet: true,
      fromAddress: 'sales@acme.example',
      ratePerMinute: 60,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const { calls } = renderRecords(
      '/admin/email',
      {
        'GET /api/v1/settings/email': [json(200, settings)],
        'PUT /api/v1/settings/email': [
          json(400, { type: '/problems/validation', status: 400, title: 'Invalid request', errors: [{ field: 'smtpPort', message: 'must be a whole number from 1 to 65535' }] }),
          json(200, { ...settings, smtpPort: 2525, updatedAt: '2026-01-02T00:00:00Z' }),
        ],
      },
      ADMIN,
    );
    expect(await screen.findByText('A password is set; type a new one to replace it.')).toBeTruthy();
    const password = screen.getByLabelText(/^Password/) as HTMLInputElement;
    expect(password.value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Must be a whole number from 1 to 65535.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Port/), { target: { value: '2525' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const first = calls.find((c) => c.method === 'PUT')?.body as Record<string, unknown>;
    expect(first).not.toHaveProperty('smtpPassword');
    expect(first).toMatchObject({ smtpHost: 'smtp.acme.example', smtpSecurity: 'starttls' });
  });
});

describe('the suppression list page', () => {
  it('lists addresses, blocks one and unblocks one', async () => {
    const { calls } = renderRecords(
      '/admin/email-suppressions',
      {
        'GET /api/v1/email-suppressions': [
          json(200, { items: [{ address: 'gone@example.com', reason: 'unsubscribed', createdAt: '2026-01-01T00:00:00Z' }], nextCursor: null }),
          json(200, { items: [], nextCursor: null }),
          json(200, { items: [], nextCursor: null }),
        ],
        'POST /api/v1/email-suppressions': [
          json(400, { type: '/problems/validation', status: 400, title: 'Invalid request', errors: [{ field: 'address', message: 'must be an email address such as ada@example.com' }] }),
        ],
        'DELETE /api/v1/email-suppressions/gone@example.com': [json(204)],
      },
      ADMIN,
    );
    expect(await screen.findByText('gone@example.com')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Address to block/), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Block' }));
    expect(await screen.findByText('Must be an email address such as ada@example.com.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unblock gone@example.com' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  });
});
