import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, LEAD_A, renderRecords } from '../test/server';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await import('../RecordPage');
});

const A = `/api/v1/leads/${LEAD_A.id}`;
const QUALIFIED = { ...LEAD_A, status: 'qualified', email: 'ada@engines.example' };
const empty = json(200, { items: [], nextCursor: null });
const base = {
  'GET /api/v1/custom-fields': [json(200, [])],
  'GET /api/v1/users': [empty],
  [`GET ${A}/timeline`]: [empty, empty],
  'GET /api/v1/pipelines': [json(200, [{ id: 'p-1', name: 'Sales', isDefault: true, stages: [] }])],
};
const ACCOUNT_ID = 'acc00000-0000-4000-8000-000000000001';
const CONTACT_ID = 'con00000-0000-4000-8000-000000000001';
const DEAL_ID = 'dea00000-0000-4000-8000-000000000001';

describe('converting a lead', () => {
  it('is offered only once the lead is qualified', async () => {
    renderRecords(`/leads/${LEAD_A.id}`, { ...base, [`GET ${A}`]: [json(200, LEAD_A, { ETag: '"3"' })] });
    const button = await screen.findByRole('button', { name: 'Convert' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Qualify the lead to convert it.')).toBeTruthy();
  });

  it('shows a refused deal field on its field, then links what the conversion made', async () => {
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      ...base,
      [`GET ${A}`]: [
        json(200, QUALIFIED, { ETag: '"3"' }),
        json(200, { ...QUALIFIED, status: 'converted', convertedAccountId: ACCOUNT_ID }, { ETag: '"4"' }),
      ],
      [`POST ${A}/convert`]: [
        json(400, {
          type: '/problems/validation',
          status: 400,
          title: 'Invalid request',
          errors: [{ field: 'deal.currency', message: 'must be a currency code like EUR' }],
        }),
        json(200, { leadId: LEAD_A.id, accountId: ACCOUNT_ID, contactId: CONTACT_ID, dealId: DEAL_ID }),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Convert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Convert the lead' });
    expect((within(dialog).getByLabelText(/^Account name/) as HTMLInputElement).value).toBe('Engines');
    expect((within(dialog).getByLabelText('Email') as HTMLInputElement).value).toBe('ada@engines.example');

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Also create a deal' }));
    fireEvent.change(within(dialog).getByLabelText(/^Amount/), { target: { value: '1200' } });
    fireEvent.change(within(dialog).getByLabelText(/^Currency/), { target: { value: 'euro' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert' }));

    expect(await within(dialog).findByText('Must be a currency code like EUR.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText(/^Currency/)));

    fireEvent.change(within(dialog).getByLabelText(/^Currency/), { target: { value: 'EUR' } });
    fireEvent.change(within(dialog).getByLabelText('Pipeline'), { target: { value: 'p-1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert' }));

    expect(await within(dialog).findByText('Lead converted')).toBeTruthy();
    // The page has the converted lead meanwhile (no Convert button any more), and the result stays on screen.
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.path === A)).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Convert' })).toBeNull());
    expect(within(screen.getByRole('dialog', { name: 'Convert the lead' })).getByText('Lead converted')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Open the deal' }).getAttribute('href')).toBe(`/deals/${DEAL_ID}`);
    expect(within(dialog).getByRole('link', { name: 'Open the contact' }).getAttribute('href')).toBe(`/contacts/${CONTACT_ID}`);
    const sent = calls.filter((c) => c.method === 'POST' && c.path === `${A}/convert`)[1];
    expect(sent?.body).toEqual({
      account: { name: 'Engines' },
      contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@engines.example' },
      deal: { name: 'Engines', amount: 1200, currency: 'EUR', pipelineId: 'p-1' },
    });
  });

  it('links an existing account found by searching', async () => {
    const { calls } = renderRecords(`/leads/${LEAD_A.id}`, {
      ...base,
      [`GET ${A}`]: [json(200, QUALIFIED, { ETag: '"3"' }), json(200, { ...QUALIFIED, status: 'converted' }, { ETag: '"4"' })],
      'GET /api/v1/search': [json(200, { items: [{ id: ACCOUNT_ID, type: 'account', title: 'Engines Group' }] })],
      [`POST ${A}/convert`]: [json(200, { leadId: LEAD_A.id, accountId: ACCOUNT_ID, contactId: CONTACT_ID, dealId: null })],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Convert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Convert the lead' });
    fireEvent.click(within(dialog).getByText('Link an existing account'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert' }));
    expect(await within(dialog).findByText('Required.')).toBeTruthy();

    const picker = within(dialog).getByLabelText(/^Existing account/);
    fireEvent.change(picker, { target: { value: 'Engines' } });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/search')).toBe(true));
    // happy-dom runs no transitions: the dropdown's options count as hidden.
    fireEvent.click(await screen.findByRole('option', { name: 'Engines Group', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert' }));

    expect(await within(dialog).findByText('Lead converted')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST' && c.path === `${A}/convert`);
    expect(sent?.body).toEqual({ accountId: ACCOUNT_ID, contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@engines.example' } });
    expect(calls.find((c) => c.path === '/api/v1/search')?.query.get('types')).toBe('account');
  });
});
