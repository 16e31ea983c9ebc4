import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json as fakeJson, ME as FAKE_ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';
import { json, LEAD_A, renderRecords } from '../records/test/server';
import { parseVariables } from './SendText';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('../records/RecordPage');
  await import('./TwilioSettingsPage');
});

const ADMIN = { ...FAKE_ME, roles: ['org_admin'], permissions: ['tenant:manage'] };
const SETTINGS = {
  configured: true,
  accountSid: 'AC' + '1'.repeat(32),
  authTokenSet: true,
  fromNumber: '+14155550100',
  messagingServiceSid: null,
  whatsappFrom: null,
  statusCallbackUrl: 'https://crm.example.com/hooks/acme/twilio/status',
  inboundUrl: 'https://crm.example.com/hooks/acme/twilio/inbound',
  updatedAt: '2026-12-01T10:00:00Z',
};
const OPT_OUTS = { items: [{ phone: '+4915112345678', keyword: 'STOP', optedOutAt: '2026-12-02T09:00:00Z' }], nextCursor: null };

describe('Twilio settings', () => {
  it('shows the callback URLs and opt-outs, keeps the token write-only and puts field errors on their fields', async () => {
    const { calls } = renderApp(
      '/admin/twilio',
      {
        'GET /api/v1/settings/twilio': [fakeJson(200, SETTINGS, { ETag: '"3"' })],
        'GET /api/v1/text-opt-outs': [fakeJson(200, OPT_OUTS)],
        'PUT /api/v1/settings/twilio': [
          fakeJson(400, { status: 400, title: 'Invalid request', errors: [{ field: 'whatsappFrom', message: 'must be a WhatsApp sender such as whatsapp:+14155550100' }] }),
          fakeJson(200, { ...SETTINGS, whatsappFrom: 'whatsapp:+14155550111' }, { ETag: '"4"' }),
        ],
      },
      { me: ADMIN },
    );
    expect(await screen.findByText('https://crm.example.com/hooks/acme/twilio/inbound')).toBeTruthy();
    expect(screen.getByText('+4915112345678')).toBeTruthy();
    const token = screen.getByLabelText(/^Auth token/) as HTMLInputElement;
    expect(token.value).toBe('');
    expect(screen.getByText(/A token is stored; it is never shown/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^WhatsApp sender/), { target: { value: '+14155550111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Must be a WhatsApp sender such as whatsapp:+14155550100.')).toBeTruthy();
    expect(screen.getByLabelText(/^WhatsApp sender/).getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText(/^WhatsApp sender/), { target: { value: 'whatsapp:+14155550111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const put = calls.filter((c) => c.method === 'PUT')[1];
    expect(put?.body).toEqual({ accountSid: SETTINGS.accountSid, fromNumber: '+14155550100', whatsappFrom: 'whatsapp:+14155550111' });
  });

  it('shows an empty opt-out list and a load failure', async () => {
    renderApp(
      '/admin/twilio',
      {
        'GET /api/v1/settings/twilio': [fakeJson(500, { status: 500, title: 'Internal Server Error' })],
        'GET /api/v1/text-opt-outs': [fakeJson(200, { items: [], nextCursor: null })],
      },
      { me: ADMIN },
    );
    expect(await screen.findByText('No number has opted out')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /try again/i })).toBeTruthy();
  });
});

describe('sending a text from a lead', () => {
  const A = `/api/v1/leads/${LEAD_A.id}`;
  const empty = json(200, { items: [], nextCursor: null });
  const QUEUED = { id: 'm1', direction: 'outbound', channel: 'whatsapp', status: 'queued', to: '+4915112345678' };

  it('sends a WhatsApp template with its variables, shows refusals, and the timeline shows messages with status', async () => {
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      'GET /api/v1/custom-fields': [json(200, [])],
      'GET /api/v1/users': [json(200, { items: [], nextCursor: null })],
      [`GET ${A}`]: [json(200, { ...LEAD_A, phone: '+4915112345678' }, { ETag: '"3"' })],
      [`GET ${A}/timeline`]: [
        json(200, {
          items: [{ at: '2026-12-01T10:00:00Z', kind: 'text_message', id: 'm0', direction: 'outbound', channel: 'sms', status: 'delivered', body: 'See you Friday' }],
          nextCursor: null,
        }),
        empty,
      ],
      'POST /api/v1/text-messages': [
        json(409, { type: '/problems/opted-out', status: 409, title: 'The number opted out', detail: '+4915112345678 asked for no more text messages' }),
        json(202, QUEUED),
      ],
    });
    expect(await screen.findByText('See you Friday')).toBeTruthy();
    expect(screen.getByText(/SMS · delivered/i)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send text' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a text message' });
    expect(within(dialog).getByText('To +4915112345678')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByText('Write the message.')).toBeTruthy();

    fireEvent.click(within(dialog).getByText('WhatsApp'));
    fireEvent.click(within(dialog).getByText('Template'));
    fireEvent.change(within(dialog).getByLabelText(/^Content SID/), { target: { value: 'HX' + 'a'.repeat(32) } });
    fireEvent.change(within(dialog).getByLabelText(/^Variables/), { target: { value: '1=Ada\n2=Friday' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByText(/asked for no more text messages/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/text-messages');
    expect(posts[1]?.body).toEqual({
      channel: 'whatsapp',
      contentSid: 'HX' + 'a'.repeat(32),
      contentVariables: { '1': 'Ada', '2': 'Friday' },
      recordType: 'lead',
      recordId: LEAD_A.id,
    });
    expect(posts[1]?.headers.get('Idempotency-Key')).toBeTruthy();
  });
});

describe('template variables', () => {
  it('reads one name=value per line and names a bad line', () => {
    expect(parseVariables('1=Ada\n 2 = Friday \n')).toEqual({ variables: { '1': 'Ada', '2': 'Friday' } });
    expect(parseVariables('')).toEqual({ variables: undefined });
    expect(parseVariables('1=Ada\noops')).toEqual({ badLine: 'oops' });
  });
});
