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


const CATALOGUE = [
  { code: 'leads:read', description: 'Read leads', scoped: true },
  { code: 'deals:read', description: 'Read deals', scoped: true },
  { code: 'audit:read', description: 'Read the audit log', scoped: false },
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


describe('roles', () => {
  it('sends the grants with their scopes when a custom role is edited', async () => {
    const { calls } = renderApp(
      '/admin/roles',
      {
        'GET /api/v1/roles': [json(200, ROLES), json(200, ROLES)],
        'GET /api/v1/permissions': [json(200, CATALOGUE)],
        'PUT /api/v1/roles/r-analyst': [json(200, { ...ROLES[1], version: 5 })],
      },
      { me: ADMIN },
    );
    const table = await screen.findByRole('table', { name: 'Roles' });
    expect(within(table).queryByRole('button', { name: 'Delete Sales rep' })).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Edit Analyst' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Analyst' });

    fireEvent.change(await within(dialog).findByLabelText('Scope of leads:read'), { target: { value: 'ALL' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /audit:read/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /deals:read/ }));
    fireEvent.change(within(dialog).getByLabelText('Scope of deals:read'), { target: { value: 'TEAM' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save role' }));

    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toBeTruthy());
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      code: 'analyst',
      name: 'Analyst',
      description: 'Reads everything',
      permissions: [
        { permission: 'leads:read', scope: 'ALL' },
        { permission: 'deals:read', scope: 'TEAM' },
        { permission: 'audit:read' },
      ],
    });
  });
});

describe('teams', () => {
  it('lists teams with their manager and members by name, and deletes only after confirming', async () => {
    const team = { id: 't-east', name: 'East', managerId: ADMIN.id, memberIds: [RITA.id], version: 3 };
    const { calls } = renderApp(
      '/admin/teams',
      {
        'GET /api/v1/teams': [json(200, [team]), json(200, [])],
        'GET /api/v1/users': [json(200, { items: [RITA, { ...RITA, id: ADMIN.id, displayName: 'Ada Admin' }] })],
        'DELETE /api/v1/teams/t-east': [json(204)],
      },
      { me: ADMIN },
    );
    const table = await screen.findByRole('table', { name: 'Teams' });
    const row = within(table).getByRole('row', { name: /East/ });
    expect(await within(row).findByText('Ada Admin')).toBeTruthy();
    expect(within(row).getByText('Rita Rep')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Delete East' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete East' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete team' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/teams/t-east')).toBe(true));
  });
});

describe('API keys', () => {
  const SECRET = 'sf_live_abc123_THE-SECRET';
  const KEY = {
    id: 'k-1',
    name: 'Website forms',
    prefix: 'sf_live_abc123',
    scopes: ['audit:read'],
    createdAt: '2026-12-01T10:00:00Z',
  };

  it('shows the secret once, with a warning and a copy button, and never again after closing', async () => {
    const { calls } = renderApp(
      '/admin/api-keys',
      {
        'GET /api/v1/api-keys': [json(200, []), json(200, [KEY]), json(200, [KEY])],
        'POST /api/v1/api-keys': [json(201, { ...KEY, key: SECRET })],
      },
      { me: ADMIN },
    );
    expect(await screen.findByText('No API keys yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const form = await screen.findByRole('dialog', { name: 'New API key' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Website forms' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'audit:read' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'API key Website forms created' });
    expect(calls.find((c) => c.path === '/api/v1/api-keys' && c.method === 'POST')?.body).toEqual({ name: 'Website forms', scopes: ['audit:read'] });
    expect((within(shown).getByLabelText('API key') as HTMLInputElement).value).toBe(SECRET);
    expect(within(shown).getByText(/only time Salesflow shows this key/)).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copy key' })).toBeTruthy();

    fireEvent.click(within(shown).getByRole('button', { name: 'I have stored the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /created/ })).toBeNull());
    const table = await screen.findByRole('table', { name: 'API keys' });
    expect(within(table).getByText('Website forms')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('revokes a key only after confirming', async () => {
    const { calls } = renderApp(
      '/admin/api-keys',
      {
        'GET /api/v1/api-keys': [json(200, [KEY]), json(200, [{ ...KEY, revokedAt: '2026-12-06T10:00:00Z' }])],
        'POST /api/v1/api-keys/k-1/revoke': [json(200, { ...KEY, revokedAt: '2026-12-06T10:00:00Z' })],
      },
      { me: ADMIN },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Website forms' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke Website forms' });
    expect(calls.some((c) => c.path.endsWith('/revoke'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('Revoked')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/v1/api-keys/k-1/revoke')).toBe(true);
  });
});

describe('audit log', () => {
  it('searches by resource and pages on with the cursor', async () => {
    const entry = (id: number) => ({
      id,
      action: 'user.changed',
      resourceType: 'user',
      resourceId: RITA.id,
      actorType: 'USER',
      actorId: ADMIN.id,
      occurredAt: '2026-12-05T10:00:00Z',
      before: { status: 'ACTIVE' },
      after: { status: 'DEACTIVATED' },
    });
    const { calls } = renderApp(
      '/admin/audit',
      {
        'GET /api/v1/audit-log?limit=50': [json(200, { items: [entry(9)] })],
        'GET /api/v1/audit-log?limit=50&resourceType=user': [json(200, { items: [entry(8)], nextCursor: 'c-2' })],
        'GET /api/v1/audit-log?limit=50&cursor=c-2&resourceType=user': [json(200, { items: [entry(7)] })],
      },
      { me: { ...ADMIN, permissions: ['audit:read'] } },
    );
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByText('user.changed')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Resource type'), { target: { value: 'user' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Audit log' })).getAllByText('user.changed')).toHaveLength(2));
    expect(calls.filter((c) => c.path.startsWith('/api/v1/audit-log')).map((c) => c.path)).toEqual([
      '/api/v1/audit-log?limit=50',
      '/api/v1/audit-log?limit=50&resourceType=user',
      '/api/v1/audit-log?limit=50&cursor=c-2&resourceType=user',
    ]);
  });
});

describe('pipelines', () => {
  it('marks a stage as requiring approval and saves the stages in order', async () => {
    const pipeline = {
      id: 'p-sales',
      name: 'Sales',
      isDefault: true,
      archived: false,
      version: 7,
      stages: [
        { id: 's-qual', name: 'Qualify', probability: 10, closed: false, won: false, requiresApproval: false },
        { id: 's-won', name: 'Won', probability: 100, closed: true, won: true, requiresApproval: false },
      ],
    };
    const { calls } = renderApp(
      '/admin/pipelines',
      {
        'GET /api/v1/pipelines': [json(200, [pipeline]), json(200, [pipeline])],
        'PUT /api/v1/pipelines/p-sales': [json(200, pipeline)],
      },
      { me: { ...ADMIN, permissions: ['deals:read', 'tenant:manage'] } },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Sales' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Sales' });
    const qualify = within(dialog).getByRole('group', { name: 'Qualify' });
    fireEvent.click(within(qualify).getByRole('checkbox', { name: 'Requires approval' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save pipeline' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      name: 'Sales',
      isDefault: true,
      archived: false,
      wonRequiresSignature: false,
      stages: [
        { id: 's-qual', name: 'Qualify', probability: 10, closed: false, won: false, requiresApproval: true },
        { id: 's-won', name: 'Won', probability: 100, closed: true, won: true, requiresApproval: false },
      ],
    });
  });
});

describe('duplicate detection', () => {
  it('saves the settings and shows a server field error on its field', async () => {
    const settings = {
      personNameThreshold: 0.85,
      companyNameThreshold: 0.9,
      candidateThreshold: 0.7,
      gmailDots: true,
      plusTags: true,
      defaultRegion: 'US',
      signals: { email: true, phone: true, name: true, domain: false },
      version: 2,
    };
    const { calls } = renderApp(
      '/admin/duplicates',
      {
        'GET /api/v1/duplicates/settings': [json(200, settings)],
        'PUT /api/v1/duplicates/settings': [
          json(400, {
            status: 400,
            title: 'Bad Request',
            errors: [{ field: 'defaultRegion', message: 'must be a two-letter region' }],
          }),
        ],
      },
      { me: { ...ADMIN, permissions: ['tenant:manage'] } },
    );
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Same company domain' }));
    fireEvent.change(screen.getByLabelText(/^Default phone region/), { target: { value: 'USA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Must be a two-letter region.')).toBeTruthy();
    expect(screen.getByLabelText(/^Default phone region/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      personNameThreshold: 0.85,
      companyNameThreshold: 0.9,
      candidateThreshold: 0.7,
      gmailDots: true,
      plusTags: true,
      defaultRegion: 'USA',
      signals: { email: true, phone: true, name: true, domain: true },
    });
  });
});

describe('absences', () => {
  it('adds an absence for the chosen user and shows the server field error on its field', async () => {
    const { calls } = renderApp(
      '/admin/absences',
      {
        'GET /api/v1/users': [json(200, { items: [RITA] })],
        [`GET /api/v1/users/${RITA.id}/absences`]: [json(200, [])],
        [`POST /api/v1/users/${RITA.id}/absences`]: [
          json(400, { status: 400, title: 'Bad Request', errors: [{ field: 'endsAt', message: 'must be after startsAt' }] }),
        ],
      },
      { me: ADMIN },
    );
    const picker = await screen.findByRole('combobox', { name: 'User' });
    await screen.findByRole('option', { name: 'Rita Rep (rep@acme.test)' });
    fireEvent.change(picker, { target: { value: RITA.id } });
    expect(await screen.findByText('No absences for Rita Rep')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^From/), { target: { value: '2026-12-24T00:00' } });
    fireEvent.change(screen.getByLabelText(/^Until/), { target: { value: '2026-12-20T00:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add absence' }));
    expect(await screen.findByText('Must be after startsAt.')).toBeTruthy();
    expect(screen.getByLabelText(/^Until/).getAttribute('aria-invalid')).toBe('true');
    const body = calls.find((c) => c.method === 'POST' && c.path.endsWith('/absences'))?.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['endsAt', 'startsAt']);
  });
});

describe('custom fields', () => {
  it('defines a picklist field and shows a server field error on its field', async () => {
    const { calls } = renderApp(
      '/admin/custom-fields',
      {
        'GET /api/v1/custom-fields?recordType=lead': [json(200, [])],
        'POST /api/v1/custom-fields': [
          json(409, { status: 409, title: 'Conflict', errors: [{ field: 'key', message: 'leads already have a field with this key' }] }),
        ],
      },
      { me: { ...ADMIN, permissions: ['tenant:manage'] } },
    );
    expect(await screen.findByText('No custom fields on leads')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New field' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead field' });
    fireEvent.change(within(dialog).getByLabelText(/^Label/), { target: { value: 'Industry' } });
    fireEvent.change(within(dialog).getByLabelText(/^Key/), { target: { value: 'industry' } });
    fireEvent.change(within(dialog).getByLabelText(/^Type/), { target: { value: 'picklist' } });
    fireEvent.change(within(dialog).getByLabelText(/^Options/), { target: { value: 'Retail\nBanking\n' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create field' }));
    expect(await within(dialog).findByText('Leads already have a field with this key.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Key/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/custom-fields')?.body).toEqual({
      label: 'Industry',
      required: false,
      options: ['Retail', 'Banking'],
      recordType: 'lead',
      key: 'industry',
      type: 'picklist',
    });
  });
});

describe('mailboxes', () => {
  const BOX = {
    id: 'b1',
    name: 'Lead capture',
    host: 'imap.acme.test',
    port: 993,
    ssl: true,
    username: 'leads@acme.test',
    passwordSet: true,
    folder: 'INBOX',
    purpose: 'capture',
    enabled: true,
    lastReadAt: '2026-12-06T10:00:00Z',
    version: 3,
  };

  it('connects a mailbox with its password and shows a server field error on its field', async () => {
    const { calls } = renderApp(
      '/admin/mailboxes',
      {
        'GET /api/v1/mailboxes': [json(200, [])],
        'POST /api/v1/mailboxes': [
          json(400, {
            status: 400,
            title: 'Bad Request',
            errors: [{ field: 'host', message: 'must be a host name such as imap.example.com' }],
          }),
        ],
      },
      { me: { ...ADMIN, permissions: ['tenant:manage'] } },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Connect a mailbox' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect a mailbox' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Lead capture' } });
    fireEvent.change(within(dialog).getByLabelText(/^IMAP server/), { target: { value: 'imap acme' } });
    fireEvent.change(within(dialog).getByLabelText(/^Username/), { target: { value: 'leads@acme.test' } });
    fireEvent.change(within(dialog).getByLabelText(/^Password/), { target: { value: 'app-pass' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(await within(dialog).findByText('Must be a host name such as imap.example.com.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^IMAP server/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/mailboxes')?.body).toEqual({
      name: 'Lead capture',
      host: 'imap acme',
      ssl: true,
      username: 'leads@acme.test',
      folder: 'INBOX',
      purpose: 'replies',
      enabled: true,
      password: 'app-pass',
    });
  });

  it('keeps the stored password when an edit leaves it empty, and sends the version', async () => {
    const { calls } = renderApp(
      '/admin/mailboxes',
      {
        'GET /api/v1/mailboxes': [json(200, [BOX]), json(200, [{ ...BOX, name: 'Leads', version: 4 }])],
        'PATCH /api/v1/mailboxes/b1': [json(200, { ...BOX, name: 'Leads', version: 4 })],
      },
      { me: { ...ADMIN, permissions: ['tenant:manage'] } },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Lead capture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Lead capture' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Leads' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).not.toHaveProperty('password');
    expect(patch?.body).toMatchObject({ name: 'Leads', port: 993, purpose: 'capture' });
  });

  it('shows what became of each message, with the lead it created', async () => {
    renderApp(
      '/admin/mailboxes',
      {
        'GET /api/v1/mailboxes': [json(200, [{ ...BOX, lastError: undefined }])],
        'GET /api/v1/mailboxes/b1/messages': [
          json(200, {
            items: [
              {
                id: 'm1',
                kind: 'NEW',
                status: 'LEAD_CREATED',
                fromAddress: 'nora@northwind.example',
                fromName: 'Nora Newman',
                subject: 'Pricing for 40 seats',
                receivedAt: '2026-12-06T10:00:00Z',
                recordType: 'lead',
                recordId: 'l1',
              },
              {
                id: 'm2',
                kind: 'UNREADABLE',
                status: 'QUARANTINED',
                fromAddress: 'x@broken.example',
                receivedAt: '2026-12-06T09:00:00Z',
                note: 'Missing start boundary',
              },
            ],
          }),
        ],
      },
      { me: { ...ADMIN, permissions: ['tenant:manage'] } },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Messages of Lead capture' }));
    const table = await screen.findByRole('table', { name: 'Messages of Lead capture' });
    expect(within(table).getByText('Lead created')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Open the lead' }).getAttribute('href')).toBe('/leads/l1');
    expect(within(table).getByText('Quarantined')).toBeTruthy();
    expect(within(table).getByText('Missing start boundary')).toBeTruthy();
  });
});
