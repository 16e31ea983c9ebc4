import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, MANAGER } from './test/fakeFetch';
import { renderApp } from './test/render';

const EMPTY = { items: [], nextCursor: null };

describe('App', () => {
  it('restores the session on start and shows navigation by permission', async () => {
    renderApp('/', {
      'GET /api/v1/tasks': [json(200, EMPTY)],
      'GET /api/v1/approvals': [json(200, EMPTY)],
      'GET /api/v1/deals': [json(200, EMPTY)],
      'GET /api/v1/pipelines': [json(200, [])],
    }, { me: MANAGER });

    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Max' })).toBeTruthy();
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getByRole('link', { name: 'Dashboard' })).toBeTruthy();
    expect(nav.getByRole('link', { name: 'Tasks' })).toBeTruthy();
    expect(nav.getByRole('link', { name: 'Approvals' })).toBeTruthy();
  });

  it('hides pages the user may not open', async () => {
    renderApp('/approvals', {
      'GET /api/v1/tasks': [json(200, EMPTY)],
    });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.queryByRole('link', { name: 'Approvals' })).toBeNull();
  });

  it('signs out everywhere from the user menu', async () => {
    const { calls } = renderApp('/tasks', {
      'GET /api/v1/tasks': [json(200, EMPTY), json(200, EMPTY)],
      'POST /api/v1/auth/sessions/end-all': [json(204)],
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Account of Rita Rep' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out everywhere' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Salesflow' })).toBeTruthy();
    expect(screen.getByText('You are signed out on every device.')).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/auth/sessions/end-all')?.authorization).toBe('Bearer access-1'),
    );
  });
});
