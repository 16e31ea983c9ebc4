import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '../test/fakeFetch';
import { renderApp } from '../test/render';

configure({ asyncUtilTimeout: 5000 });

const HITS = [
  { type: 'deal', id: 'd-1', title: 'Umbrella rollout', subtitle: 'open · EUR 40000', score: 6 },
  { type: 'lead', id: 'l-1', title: 'John Smith · Umbrella', subtitle: 'Hooli · john@hooli.com · new', score: 5.2 },
  { type: 'account', id: 'a-1', title: 'Umbrella Corp', subtitle: 'umbrella.test · Software', score: 5 },
  { type: 'lead', id: 'l-2', title: 'Jane Umbrela', subtitle: 'Initech · new', score: 3.1 },
  { type: 'contact', id: 'c-1', title: 'Alice Umbrello', subtitle: 'CFO · alice@umbrella.test', score: 2 },
];
const EMPTY = { items: [], nextCursor: null };
const tasks = () => Array.from({ length: 4 }, () => json(200, EMPTY));

describe('SearchPage', { timeout: 20_000 }, () => {
  it('groups the results by type with counts, each linking to its record', async () => {
    const { calls } = renderApp('/search?q=umbrella', {
      'GET /api/v1/search?q=umbrella&limit=50': [json(200, { items: HITS })],
      'GET /api/v1/tasks': tasks(),
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Search: umbrella' })).toBeTruthy();
    await screen.findByRole('region', { name: 'Leads' });
    const groups = within(screen.getByRole('main')).getAllByRole('heading', { level: 2 });
    expect(groups.map((h) => h.textContent)).toEqual(['Leads', 'Contacts', 'Accounts', 'Deals']);

    const leads = within(screen.getByRole('region', { name: 'Leads' }));
    expect(leads.getByLabelText('2 leads')).toBeTruthy();
    expect(leads.getByRole('link', { name: 'John Smith · Umbrella' }).getAttribute('href')).toBe('/leads/l-1');
    expect(leads.getByRole('link', { name: 'Jane Umbrela' }).getAttribute('href')).toBe('/leads/l-2');
    expect(within(screen.getByRole('region', { name: 'Contacts' })).getByRole('link').getAttribute('href')).toBe('/contacts/c-1');
    expect(within(screen.getByRole('region', { name: 'Accounts' })).getByRole('link').getAttribute('href')).toBe('/accounts/a-1');
    expect(within(screen.getByRole('region', { name: 'Deals' })).getByRole('link').getAttribute('href')).toBe('/deals/d-1');
    // The words asked for are marked where they appear as typed (typo matches are found, not marked).
    const marked = screen.getAllByText((_, el) => el?.tagName === 'MARK').map((m) => m.textContent?.toLowerCase());
    expect(marked).toContain('umbrella');
    expect(calls.filter((c) => c.path.startsWith('/api/v1/search'))).toHaveLength(1);
  });

  it('narrows to one type on request and says when nothing matched', async () => {
    renderApp('/search?q=umbrella', {
      'GET /api/v1/search?q=umbrella&limit=50': [json(200, { items: HITS })],
      'GET /api/v1/search?q=umbrella&limit=50&types=lead': [json(200, { items: HITS.filter((h) => h.type === 'lead') })],
      'GET /api/v1/search?q=zzqx&limit=50': [json(200, { items: [] })],
      'GET /api/v1/tasks': tasks(),
    });

    fireEvent.click(await screen.findByRole('radio', { name: 'Leads 2' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Deals' })).toBeNull());
    expect(screen.getByRole('region', { name: 'Leads' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'All 5' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search for' }), { target: { value: 'zzqx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Nothing found for “zzqx”')).toBeTruthy();
  });
});

describe('Header quick search', { timeout: 20_000 }, () => {
  function open() {
    return renderApp('/tasks', {
      'GET /api/v1/search?q=umb&limit=8': [json(200, { items: HITS })],
      'GET /api/v1/search?q=umb&limit=50': [json(200, { items: HITS })],
      'GET /api/v1/tasks': tasks(),
    });
  }

  async function type(text: string) {
    const box = await screen.findByRole('combobox', { name: 'Search' });
    box.focus();
    fireEvent.change(box, { target: { value: text } });
    await screen.findByRole('option', { name: 'Deal: Umbrella rollout' });
    return box;
  }

  it('shows quick results grouped by type as you type; arrows pick one, Enter opens it', async () => {
    const { calls } = open();
    const box = await type('umb');

    const listbox = screen.getByRole('listbox');
    expect(within(listbox).getByText('Leads (2)')).toBeTruthy();
    expect(within(listbox).getByText('Deals (1)')).toBeTruthy();
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual([
      'Lead: John Smith · Umbrella',
      'Lead: Jane Umbrela',
      'Contact: Alice Umbrello',
      'Account: Umbrella Corp',
      'Deal: Umbrella rollout',
      'All results for umb',
    ]);
    // One request, after typing stopped (debounced).
    expect(calls.filter((c) => c.path.startsWith('/api/v1/search'))).toHaveLength(1);

    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    await waitFor(() => expect(options[1]!.hasAttribute('data-combobox-selected')).toBe(true));
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(box, { key: 'ArrowUp', code: 'ArrowUp' });
    await waitFor(() => expect(options[0]!.hasAttribute('data-combobox-selected')).toBe(true));
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    await waitFor(() => expect(options[3]!.hasAttribute('data-combobox-selected')).toBe(true));
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter' });

    // /accounts/a-1 is the account's page (not part of this app yet, hence "not found").
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('Esc closes the quick results; Enter with none picked opens the full results page', async () => {
    open();
    const box = await type('umb');

    fireEvent.keyDown(box, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Deal: Umbrella rollout' })).toBeNull());

    fireEvent.submit(box.closest('form') as HTMLFormElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search: umb' })).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Deals' })).toBeTruthy();
  });
});
