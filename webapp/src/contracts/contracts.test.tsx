import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import { createQueryClient } from '../App';
import { ApiProvider } from '../app/ApiContext';
import { theme } from '../app/theme';
import { json, ME, recordsFetch, renderRecords } from '../records/test/server';
import { renderApp } from '../test/render';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('./ContractTemplatesPage');
  await import('./SigningPage');
});

const ADMIN = { ...ME, roles: ['org_admin'], permissions: ['tenant:manage', 'deals:read', 'deals:write'] };
const EMAIL_TEMPLATE = { id: 'e0000000-0000-4000-8000-000000000001', name: 'Signing request', version: 1, currentVersion: 1, subject: '{{vars.subject}}' };
const TEMPLATE = { id: 't0000000-0000-4000-8000-000000000001', name: 'Master agreement', body: '<html/>', emailTemplateId: EMAIL_TEMPLATE.id, version: 0 };
const DEAL = 'd0000000-0000-4000-8000-000000000001';
const SIGNER = {
  id: 's0000000-0000-4000-8000-000000000001',
  contactId: 'c0000000-0000-4000-8000-000000000001',
  name: 'Pat Buyer',
  email: 'pat@buyer.example',
  status: 'signed',
  signedAt: '2026-12-01T10:00:00Z',
  signedName: 'Pat Buyer',
  ip: '203.0.113.9',
  userAgent: 'Firefox',
  documentSha256: 'a'.repeat(64),
  emailVerified: true,
};
const CONTRACT = {
  id: 'k0000000-0000-4000-8000-000000000001',
  dealId: DEAL,
  templateId: TEMPLATE.id,
  title: 'Master agreement',
  status: 'signed',
  documentSha256: 'a'.repeat(64),
  signedDocumentSha256: 'b'.repeat(64),
  signers: [SIGNER],
};

function renderTab(routes: Parameters<typeof recordsFetch>[0], canEdit = true) {
  const fake = recordsFetch(routes);
  const api = createApi({ baseUrl: 'http://localhost', fetch: fake.fetch });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, refetchInterval: false, staleTime: Infinity } });
  return import('./DealContracts').then(({ DealContracts }) => {
    render(
      <MemoryRouter>
        <MantineProvider theme={theme}>
          <ApiProvider api={api}>
            <QueryClientProvider client={queryClient}>
              <DealContracts dealId={DEAL} canEdit={canEdit} />
            </QueryClientProvider>
          </ApiProvider>
        </MantineProvider>
      </MemoryRouter>,
    );
    return fake;
  });
}

describe('the contract templates page', () => {
  it('shows the server refusing a template that does not render on its field, then saves it', async () => {
    const { calls } = renderRecords(
      '/admin/contract-templates',
      {
        'GET /api/v1/contracts/templates': [json(200, { items: [], nextCursor: null }), json(200, { items: [TEMPLATE], nextCursor: null })],
        'GET /api/v1/email-templates': [json(200, { items: [EMAIL_TEMPLATE], nextCursor: null })],
        'POST /api/v1/contracts/templates': [
          json(422, {
            type: '/problems/template-does-not-render',
            status: 422,
            title: 'The template does not render',
            errors: [{ field: 'body', message: 'The document is not well-formed XHTML at line 1, column 30' }],
          }),
          json(201, TEMPLATE),
        ],
      },
      ADMIN,
    );
    expect(await screen.findByText('No contract templates yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New contract template' }));
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Master agreement' } });
    fireEvent.change(screen.getByLabelText(/^Document/), { target: { value: '<html><body><p>Unclosed</body></html>' } });
    fireEvent.click(screen.getByRole('combobox', { name: /Invitation email template/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Signing request', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/not well-formed XHTML at line 1/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Document/), { target: { value: '<html><body><p>Fine</p></body></html>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Edit Master agreement' })).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/contracts/templates');
    expect(posts[1]?.body).toEqual({ name: 'Master agreement', body: '<html><body><p>Fine</p></body></html>', emailTemplateId: EMAIL_TEMPLATE.id });
  });
});

describe("the deal's contract tab", () => {
  it('edits line items, shows a signed contract with its evidence and says when verification finds tampering', async () => {
    const fake = await renderTab({
      'GET /api/v1/deals/d0000000-0000-4000-8000-000000000001/line-items': [
        json(200, [{ id: 'l1', position: 0, product: 'Licence', quantity: 10, unitPrice: 100, discountPercent: 10, total: 900 }]),
      ],
      'PUT /api/v1/deals/d0000000-0000-4000-8000-000000000001/line-items': [
        json(400, { type: '/problems/validation', status: 400, title: 'Invalid request', errors: [{ field: '[1].quantity', message: 'must be more than 0' }] }),
        json(200, [
          { id: 'l1', position: 0, product: 'Licence', quantity: 10, unitPrice: 100, discountPercent: 10, total: 900 },
          { id: 'l2', position: 1, product: 'Onboarding', quantity: 1, unitPrice: 600, discountPercent: 0, total: 600 },
        ]),
      ],
      'GET /api/v1/contracts/templates': [json(200, { items: [TEMPLATE], nextCursor: null })],
      'GET /api/v1/deals/d0000000-0000-4000-8000-000000000001/contacts': [json(200, [{ contactId: SIGNER.contactId, role: 'decision_maker', primary: true, firstName: 'Pat', lastName: 'Buyer', email: SIGNER.email }])],
      'GET /api/v1/contracts': [json(200, [CONTRACT])],
      'GET /api/v1/contracts/k0000000-0000-4000-8000-000000000001/verification': [
        json(200, { valid: false, eventsChecked: 5, problems: ['Event 3 (viewed) was altered: its content no longer hashes to its stored hash'] }),
      ],
    });
    expect(await screen.findByText('Total: 900.00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    const second = screen.getByRole('group', { name: 'Line 2' });
    fireEvent.change(within(second).getByLabelText('Product'), { target: { value: 'Onboarding' } });
    fireEvent.change(within(second).getByLabelText('Quantity'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save line items' }));
    expect(await screen.findByText(/must be more than 0/i)).toBeTruthy();
    fireEvent.change(within(second).getByLabelText('Quantity'), { target: { value: '1' } });
    fireEvent.change(within(second).getByLabelText('Unit price'), { target: { value: '600' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save line items' }));
    expect(await screen.findByText('Total: 1500.00')).toBeTruthy();
    const put = fake.calls.filter((c) => c.method === 'PUT');
    expect(put[1]?.body).toEqual([
      { product: 'Licence', quantity: 10, unitPrice: 100, discountPercent: 10 },
      { product: 'Onboarding', quantity: 1, unitPrice: 600, discountPercent: 0 },
    ]);

    const card = await screen.findByRole('region', { name: 'Contract Master agreement' });
    expect(within(card).getByText(/203\.0\.113\.9/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Download signed PDF' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Verify' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tampering detected');
    expect(alert.textContent).toContain('Event 3 (viewed) was altered');
  });

  it('generates a contract for the chosen signers and sends it', async () => {
    const draft = { ...CONTRACT, status: 'draft', signedDocumentSha256: undefined, signers: [{ ...SIGNER, status: 'pending', signedAt: undefined }] };
    const fake = await renderTab({
      'GET /api/v1/deals/d0000000-0000-4000-8000-000000000001/line-items': [json(200, [])],
      'GET /api/v1/contracts/templates': [json(200, { items: [TEMPLATE], nextCursor: null })],
      'GET /api/v1/deals/d0000000-0000-4000-8000-000000000001/contacts': [
        json(200, [
          { contactId: SIGNER.contactId, role: 'decision_maker', primary: true, firstName: 'Pat', lastName: 'Buyer', email: SIGNER.email },
          { contactId: 'c2', role: 'other', primary: false, firstName: 'No', lastName: 'Mail' },
        ]),
      ],
      'GET /api/v1/contracts': [json(200, []), json(200, [draft]), json(200, [{ ...draft, status: 'sent' }])],
      'POST /api/v1/contracts': [json(201, draft)],
      'POST /api/v1/contracts/k0000000-0000-4000-8000-000000000001/send': [json(200, { ...draft, status: 'sent' })],
    });
    expect(await screen.findByText('No line items yet')).toBeTruthy();
    expect(await screen.findByText('No contracts yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: /^Template/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Master agreement', hidden: true }));
    expect(screen.queryByLabelText(/No Mail/)).toBeNull();
    fireEvent.click(await screen.findByLabelText('Pat Buyer (pat@buyer.example)'));
    fireEvent.click(screen.getByRole('button', { name: 'Generate contract' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send for signature' }));
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'POST' && c.path.endsWith('/send'))).toBe(true));
    expect(fake.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/contracts')?.body).toEqual({
      dealId: DEAL,
      templateId: TEMPLATE.id,
      signerContactIds: [SIGNER.contactId],
    });
    expect(await screen.findByText('sent')).toBeTruthy();
  });
});

describe('the public signing page', () => {
  const VIEW = {
    title: 'Master agreement',
    status: 'sent',
    signerName: 'Pat Buyer',
    signerEmail: 'pat@buyer.example',
    signerStatus: 'viewed',
    documentSha256: 'a'.repeat(64),
    expiresAt: '2030-01-01T00:00:00Z',
    signedCopyAvailable: false,
    signers: [{ name: 'Pat Buyer', status: 'viewed' }],
  };

  it('asks for consent and a typed name, then shows the signature', async () => {
    const { calls } = renderApp(
      '/sign/tok-1',
      {
        'GET /api/public/signing/tok-1': [json(200, VIEW)],
        'POST /api/public/signing/tok-1/signature': [
          json(400, { type: '/problems/validation', status: 400, title: 'Invalid request', errors: [{ field: 'consent', message: 'must be ticked: you agree to sign the document electronically' }] }),
          json(200, { ...VIEW, signerStatus: 'signed', signedAt: '2026-12-01T10:00:00Z', signers: [{ name: 'Pat Buyer', status: 'signed' }] }),
        ],
      },
      { signedOut: true },
    );
    expect(await screen.findByRole('heading', { name: 'Master agreement' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Type your full name/), { target: { value: 'Pat Buyer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign the contract' }));
    expect(await screen.findByText(/must be ticked/i)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/agree to sign it electronically/));
    fireEvent.click(screen.getByRole('button', { name: 'Sign the contract' }));
    expect(await screen.findByText('You signed this contract')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/public/signing/tok-1/signature')[1]?.body).toEqual({ consent: true, typedName: 'Pat Buyer' });
  });

  it('declines with a reason', async () => {
    const { calls } = renderApp(
      '/sign/tok-2',
      {
        'GET /api/public/signing/tok-2': [json(200, VIEW)],
        'POST /api/public/signing/tok-2/decline': [json(200, { ...VIEW, status: 'declined', signerStatus: 'declined' })],
      },
      { signedOut: true },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Decline instead' }));
    fireEvent.change(screen.getByLabelText(/Why do you decline/), { target: { value: 'Price too high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(await screen.findByText('You declined this contract')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/public/signing/tok-2/decline')?.body).toEqual({ reason: 'Price too high' });
  });

  it('says when a link is expired', async () => {
    renderApp(
      '/sign/old',
      { 'GET /api/public/signing/old': [json(410, { type: '/problems/link-expired', status: 410, title: 'Link expired', detail: 'This signing link expired on 2026-01-01' })] },
      { signedOut: true },
    );
    expect(await screen.findByText('This link does not open a contract')).toBeTruthy();
    expect(await screen.findByText(/expired on 2026-01-01/)).toBeTruthy();
  });
});
