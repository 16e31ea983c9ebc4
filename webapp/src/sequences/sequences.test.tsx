import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, LEAD_B, LEAD_C, ME, renderRecords, withLayout } from '../records/test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('./SequencesPage');
  await import('./SequencePage');
  await import('../records/RecordPage');
});

const ADMIN = { ...ME, roles: ['org_admin'], permissions: ['tenant:manage', 'messages:write', 'leads:read'] };
const SEQUENCE = {
  id: 's0000000-0000-4000-8000-000000000001',
  name: 'Demo follow-up',
  senderId: ME.id,
  allowConcurrent: false,
  stopRules: { reply: true, bounce: true, unsubscribe: true, meeting: true },
  steps: [
    { position: 1, kind: 'email', waitFor: 'P2D', variants: [{ label: 'A', weight: 1, emailTemplateId: 't1' }] },
    { position: 2, kind: 'task', waitFor: 'P1D', taskName: 'Call about the demo', variants: [] },
  ],
  version: 2,
};
const EMPTY = { items: [], nextCursor: null };

describe('the sequences page', () => {
  it('creates a sequence and shows a missing template on the step that names it', async () => {
    const { calls } = renderRecords(
      '/sequences',
      {
        'GET /api/v1/sequences': [json(200, EMPTY)],
        'GET /api/v1/email-templates': [json(200, EMPTY)],
        'POST /api/v1/sequences': [
          json(422, {
            type: '/problems/unknown-reference',
            status: 422,
            title: 'The sequence names something that does not exist',
            detail: 'steps[0].variants[0].emailTemplateId: names no email template of this workspace',
            errors: [{ field: 'steps[0].variants[0].emailTemplateId', message: 'names no email template of this workspace' }],
          }),
        ],
      },
      ADMIN,
    );
    expect(await screen.findByText('No sequences yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New sequence' }));
    const dialog = await screen.findByRole('dialog', { name: 'New sequence' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Demo follow-up' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save sequence' }));

    expect(await within(dialog).findByText('Names no email template of this workspace.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Step 1 variant A template/).getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/sequences')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/sequences')?.body).toEqual({
      name: 'Demo follow-up',
      senderId: ADMIN.id,
      allowConcurrent: false,
      stopRules: { reply: true, bounce: true, unsubscribe: true, meeting: true },
      steps: [{ kind: 'email', waitFor: 'P2D', variants: [{ weight: 1 }] }],
    });
  });

  it('lists sequences with their steps, and a load failure can be retried', async () => {
    renderRecords('/sequences', { 'GET /api/v1/sequences': [json(500, { status: 500, title: 'Internal Server Error' }), json(200, { items: [SEQUENCE], nextCursor: null })] }, ADMIN);
    fireEvent.click(await screen.findByRole('button', { name: /try again/i }));
    expect(await screen.findByRole('link', { name: 'Demo follow-up' })).toBeTruthy();
    expect(screen.getByText('Email → Task')).toBeTruthy();
  });
});

describe('a sequence page', () => {
  it('shows figures per step and variant and stops an active enrolment', async () => {
    const base = `/api/v1/sequences/${SEQUENCE.id}`;
    const figures = json(200, [
      { position: 1, variant: 'A', channel: 'email', sent: 10, delivered: 9, opened: 6, clicked: 2, replied: 3, bounced: 1, unsubscribed: 0, notSent: 0 },
    ]);
    const enrolment = { id: 'e1', sequenceId: SEQUENCE.id, recordType: 'lead', recordId: LEAD_A.id, recordTitle: 'Ada Lovelace', status: 'active', currentStep: 2, source: 'manual', enrolledAt: '2026-12-01T10:00:00Z' };
    const { calls } = renderRecords(
      `/sequences/${SEQUENCE.id}`,
      {
        [`GET ${base}`]: [json(200, SEQUENCE, { ETag: '"2"' }), json(200, SEQUENCE, { ETag: '"2"' })],
        [`GET ${base}/figures`]: [figures, figures],
        [`GET ${base}/enrolments`]: [json(200, { items: [enrolment], nextCursor: null }), json(200, { items: [{ ...enrolment, status: 'stopped', stopReason: 'cancelled' }], nextCursor: null })],
        'GET /api/v1/saved-views': [json(200, EMPTY)],
        [`POST ${base}/enrolments/e1/cancel`]: [json(200, { ...enrolment, status: 'stopped', stopReason: 'cancelled' })],
      },
      ADMIN,
    );
    const table = await screen.findByRole('table', { name: 'Figures per step and variant' });
    expect(within(table).getByText('1 (email)')).toBeTruthy();
    expect(within(table).getByText('9')).toBeTruthy();
    const enrolments = await screen.findByRole('table', { name: 'Enrolments' });
    expect(within(enrolments).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe(`/leads/${LEAD_A.id}`);
    fireEvent.click(within(enrolments).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.path === `${base}/enrolments/e1/cancel`)).toHaveLength(1));
    expect(await screen.findByText('stopped: cancelled')).toBeTruthy();
  });
});

describe('enrolling a lead', () => {
  it('shows why a lead cannot be enrolled, then enrols it', async () => {
    const A = `/api/v1/leads/${LEAD_A.id}`;
    const { calls } = renderRecords(
      `/leads/${LEAD_A.id}`,
      {
        'GET /api/v1/custom-fields': [json(200, [])],
        'GET /api/v1/users': [json(200, EMPTY)],
        [`GET ${A}`]: [json(200, { ...LEAD_A, email: 'ada@engines.example' }, { ETag: '"3"' })],
        [`GET ${A}/timeline`]: [json(200, EMPTY)],
        'GET /api/v1/sequences': [json(200, { items: [SEQUENCE], nextCursor: null })],
        [`POST /api/v1/sequences/${SEQUENCE.id}/enrolments`]: [
          json(422, { type: '/problems/suppressed', status: 422, title: 'The record cannot be enrolled', detail: 'ada@engines.example is on the suppression list: no email goes to it' }),
          json(201, { id: 'e1', status: 'active' }),
        ],
      },
      ADMIN,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Enrol in sequence' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enrol in a sequence' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Sequence/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Demo follow-up', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enrol' }));
    expect(await within(dialog).findByText(/is on the suppression list/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enrol' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const enrols = calls.filter((c) => c.method === 'POST' && c.path === `/api/v1/sequences/${SEQUENCE.id}/enrolments`);
    expect(enrols[1]?.body).toEqual({ recordType: 'lead', recordId: LEAD_A.id });
  });
});

describe('enrolling the selected rows of a list', () => {
  it('enrols the selected leads in one call and lists the skipped with their reasons', async () => {
    withLayout();
    await import('../records/RecordListPage');
    const REP_WHO_SENDS = { ...ME, permissions: ['leads:read', 'leads:write', 'messages:write'] };
    const page = json(200, { items: [LEAD_A, LEAD_B, LEAD_C], nextCursor: null });
    const { calls } = renderRecords(
      '/leads',
      {
        'GET /api/v1/leads': [page, page, page],
        'GET /api/v1/sequences': [json(200, { items: [SEQUENCE], nextCursor: null })],
        [`POST /api/v1/sequences/${SEQUENCE.id}/enrolments/records`]: [
          json(200, {
            enrolled: [{ id: 'e1', recordType: 'lead', recordId: LEAD_A.id, status: 'active' }],
            skipped: [
              { recordId: LEAD_B.id, type: 'already-enrolled', reason: 'The lead is in this sequence already' },
              { recordId: LEAD_C.id, type: 'suppressed', reason: 'c@example.com is on the suppression list' },
            ],
            nextCursor: null,
          }),
        ],
      },
      REP_WHO_SENDS,
    );
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3 loaded' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enrol in sequence' }));

    const dialog = await screen.findByRole('dialog', { name: 'Enrol 3 in a sequence' });
    expect(within(dialog).getByRole('button', { name: 'Enrol 3' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Sequence/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Demo follow-up', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enrol 3' }));

    expect(await within(dialog).findByText('Enrolled 1, skipped 2')).toBeTruthy();
    const skipped = within(dialog).getByRole('table', { name: 'Skipped' });
    expect(within(skipped).getByText('Already in this sequence')).toBeTruthy();
    expect(within(skipped).getByText('On the suppression list')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST' && c.path.endsWith('/enrolments/records'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ recordType: 'lead', recordIds: [LEAD_A.id, LEAD_B.id, LEAD_C.id] });
    expect(screen.getByRole('toolbar', { name: 'Bulk actions' }).textContent).toContain('2 selected');
  });

  it('offers no enrolment to someone who may not send messages', async () => {
    withLayout();
    renderRecords('/leads', { 'GET /api/v1/leads': [json(200, { items: [LEAD_A], nextCursor: null })] });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Ada Lovelace · Engines' }));
    expect(screen.getByRole('button', { name: 'Assign owner' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enrol in sequence' })).toBeNull();
  });
});

describe('an enrolment waiting to send', () => {
  it('says when the send goes out in the recipient’s own time', async () => {
    const base = `/api/v1/sequences/${SEQUENCE.id}`;
    const waiting = {
      id: 'e2',
      sequenceId: SEQUENCE.id,
      recordType: 'contact',
      recordId: LEAD_A.id,
      status: 'active',
      currentStep: 1,
      source: 'bulk',
      enrolledAt: '2026-12-01T10:00:00Z',
      recipientTimeZone: 'America/New_York',
      sendAt: '2999-12-02T14:00:00Z',
    };
    renderRecords(
      `/sequences/${SEQUENCE.id}`,
      {
        [`GET ${base}`]: [json(200, SEQUENCE, { ETag: '"2"' })],
        [`GET ${base}/figures`]: [json(200, [])],
        [`GET ${base}/enrolments`]: [json(200, { items: [waiting, { ...waiting, id: 'e3', status: 'completed' }], nextCursor: null })],
        'GET /api/v1/saved-views': [json(200, EMPTY)],
      },
      ADMIN,
    );
    const enrolments = await screen.findByRole('table', { name: 'Enrolments' });
    expect(within(enrolments).getByText(/^sends at 09:00( AM)? their time \(America\/New_York\)$/)).toBeTruthy();
    expect(within(enrolments).getByText('Their zone: America/New_York')).toBeTruthy();
  });
});
