import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, ME, renderRecords } from '../records/test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('./EmailTemplatesPage');
});

const ADMIN = { ...ME, roles: ['org_admin'], permissions: ['tenant:manage', 'leads:read'] };
const TEMPLATE = {
  id: 't0000000-0000-4000-8000-000000000001',
  name: 'Demo follow-up',
  version: 1,
  currentVersion: 1,
  subject: 'Hello {{record.firstName}}',
  text: 'Hi',
  variables: ['record.firstName'],
};

describe('the email templates page', () => {
  it('creates a template, showing the server refusal of an unknown variable on its field', async () => {
    const { calls } = renderRecords(
      '/admin/email-templates',
      {
        'GET /api/v1/email-templates': [json(200, { items: [], nextCursor: null }), json(200, { items: [TEMPLATE], nextCursor: null })],
        'POST /api/v1/email-templates': [
          json(400, {
            type: '/problems/validation',
            status: 400,
            title: 'Invalid request',
            errors: [{ field: 'subject', message: 'uses the unknown variable {{record.shoeSize}}' }],
          }),
          json(201, TEMPLATE),
        ],
      },
      ADMIN,
    );
    expect(await screen.findByText('No templates yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Demo follow-up' } });
    fireEvent.change(screen.getByLabelText(/^Subject/), { target: { value: 'Hello {{record.shoeSize}}' } });
    fireEvent.change(screen.getByLabelText(/^Text/), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Uses the unknown variable {{record.shoeSize}}.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Subject/), { target: { value: 'Hello {{record.firstName}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Edit Demo follow-up' })).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/email-templates')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/email-templates')[1]?.body).toEqual({ name: 'Demo follow-up', subject: 'Hello {{record.firstName}}', text: 'Hi' });
  });
});
