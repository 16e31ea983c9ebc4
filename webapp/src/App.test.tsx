import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient, REFRESH_TOKEN_KEY } from './api/client';
import { App } from './App';
import { fakeFetch, json, ME, TOKENS } from './test/fakeFetch';

describe('App', () => {
  it('signs in, shows the home screen and signs out', async () => {
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/auth/login': [json(200, TOKENS)],
      'GET /api/v1/me': [json(200, ME)],
      'POST /api/v1/auth/logout': [json(204)],
    });
    render(<App client={createApiClient({ fetch })} />);

    fireEvent.change(await screen.findByLabelText('Workspace'), { target: { value: 'acme' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'rep@acme.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Signed in as Rita Rep (acme)' });
    expect(heading).toBeTruthy();
    const roles = within(screen.getByRole('region', { name: 'Roles' }));
    expect(roles.getByText('Sales rep')).toBeTruthy();
    const teams = within(screen.getByRole('region', { name: 'Teams' }));
    expect(teams.getByText('East')).toBeTruthy();
    expect(calls[1]).toMatchObject({ method: 'GET', path: '/api/v1/me', authorization: 'Bearer access-1' });
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Salesflow' })).toBeTruthy();
    expect(calls[2]).toMatchObject({
      method: 'POST',
      path: '/api/v1/auth/logout',
      body: { refreshToken: 'refresh-1' },
    });
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('restores the session after a reload from the refresh token in sessionStorage', async () => {
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const { fetch } = fakeFetch({
      'POST /api/v1/auth/refresh': [json(200, { ...TOKENS, accessToken: 'access-2', refreshToken: 'refresh-2' })],
      'GET /api/v1/me': [json(200, ME)],
    });
    render(<App client={createApiClient({ fetch })} />);

    expect(await screen.findByRole('heading', { name: 'Signed in as Rita Rep (acme)' })).toBeTruthy();
  });
});
