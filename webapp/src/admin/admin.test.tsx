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
  permissions: ['users:read', 'users:manage', 'roles:manage', 'teams:manage', 'apikeys:manage', 'audit:read'],
};

const ROLES = [
  {
    id: 'r-rep',
    code: 'sales_rep',
    name: 'Sales rep',
    system: true,
    version: 1,
    permissions: [{ permission: 'leads:read', scope: 'OWN' }],
  },
  {
    id: 'r-analyst',
    code: 'analyst',
    name: 'Analyst',
    description: 'Reads everything',
    system: false,
    version: 4,
    permissions: [{ permission: 'leads:read', scope: 'TEAM' }],
  },
];


const RITA = {
  id: '6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c10',
  email: 'rep@acme.test',
  displayName: 'Rita Rep',
  roles: ['sales_rep'],
  status: 'ACTIVE',
  teams: [{ id: 't-east', name: 'East' }],
  version: 2,
};

describe('admin landing', () => {
  it('links only the admin pages the user may open', async () => {
    renderApp('/admin', {}, { me: { ...ADMIN, permissions: ['users:read'] } });
    expect(await screen.findByRole('link', { name: 'Users' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'API keys' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Audit log and security events' })).toBeNull();
  });
});

describe('users', () => {
  it('shows the server field error on the field when creating a user', async () => {
    const { calls } = renderApp(
      '/admin/users',
      {
        'GET /api/v1/users': [json(200, { items: [RITA] })],
        'GET /api/v1/roles': [json(200, ROLES)],
        'POST /api/v1/users': [
          json(400, {
            type: '/problems/validation',
            title: 'Bad Request',
            status: 400,
            detail: 'The request has invalid fields',
            errors: [{ field: 'email', message: 'must be a well-formed email address' }],
          }),
        ],
      },
      { me: ADMIN },
    );

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(within(table).getByText('rep@acme.test')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    fireEvent.change(within(dialog).getByLabelText(/^Email/), { target: { value: 'not-an-email' } });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Nina New' } });
    fireEvent.change(within(dialog).getByLabelText(/^Initial password/), { target: { value: 'correct horse battery' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create user' }));

    const email = within(dialog).getByLabelText(/^Email/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Must be a well-formed email address.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/users')?.body).toEqual({
      email: 'not-an-email',
      displayName: 'Nina New',
      password: 'correct horse battery',
      roles: [],
    });
  });

  it('deactivates a user only after confirming', async () => {
    const { calls } = renderApp(
      '/admin/users',
      {
        'GET /api/v1/users': [json(200, { items: [RITA] }), json(200, { items: [{ ...RITA, status: 'DEACTIVATED' }] })],
        'PATCH /api/v1/users/6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c10': [json(200, { ...RITA, status: 'DEACTIVATED' })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Rita Rep' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Rita Rep' });
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'DEACTIVATED' }),
    );
  });
});

