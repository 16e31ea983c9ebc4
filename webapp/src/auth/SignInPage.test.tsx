import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, tokens } from '../test/fakeFetch';
import { renderApp } from '../test/render';
import { describeSignInFailure } from './SignInPage';
import { ApiError } from '../api/problem';

async function fillIn(values: { workspace: string; email: string; password: string }) {
  fireEvent.change(await screen.findByLabelText(/^Workspace/), { target: { value: values.workspace } });
  fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: values.email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: values.password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in page', () => {
  it('shows the server’s field error on its field and puts the cursor there', async () => {
    const { calls } = renderApp(
      '/',
      {
        'POST /api/v1/auth/session': [
          json(400, {
            type: '/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail: 'email: must be a well-formed email address',
            errors: [{ field: 'email', message: 'must be a well-formed email address' }],
          }),
        ],
      },
      { signedOut: true },
    );

    await fillIn({ workspace: 'acme', email: 'rep-at-acme', password: 'secret' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Please check the highlighted fields.');
    expect(alert.textContent).not.toContain('email:');
    const email = screen.getByLabelText(/^Email/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (email.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Must be a well-formed email address.');
    expect(screen.getByLabelText(/^Workspace/).getAttribute('aria-invalid')).not.toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(calls.at(-1)).toMatchObject({ sessionHeader: '1', body: { tenant: 'acme', email: 'rep-at-acme', password: 'secret' } });
  });

  it('says when to try again after too many attempts, in the reader’s time', async () => {
    renderApp(
      '/',
      {
        'POST /api/v1/auth/session': [
          json(429, { type: '/problems/login-throttled', title: 'Too Many Requests', status: 429, detail: 'x', retryAfterSeconds: 600 }),
        ],
      },
      { signedOut: true },
    );

    await fillIn({ workspace: 'acme', email: 'rep@acme.test', password: 'wrong' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Too many sign-in attempts for now\. Try again after .*\d\d.\d\d.*\.$/);
  });

  it('formats the retry time in the local time zone', () => {
    const now = new Date(2026, 11, 6, 13, 55, 0);
    const error = new ApiError({ status: 429, type: '/problems/login-throttled', retryAfterSeconds: 600 });
    const expected = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(2026, 11, 6, 14, 5));
    expect(describeSignInFailure(error, now).message).toBe(`Too many sign-in attempts for now. Try again after ${expected}.`);
  });

  it('clears the password and puts the cursor there after wrong credentials', async () => {
    renderApp(
      '/',
      { 'POST /api/v1/auth/session': [json(401, { type: '/problems/invalid-credentials', title: 'Unauthorized', status: 401 })] },
      { signedOut: true },
    );

    await fillIn({ workspace: 'acme', email: 'rep@acme.test', password: 'wrong' });

    expect((await screen.findByRole('alert')).textContent).toContain('The workspace, email or password is not right');
    const password = screen.getByLabelText(/^Password/) as HTMLInputElement;
    expect(password.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('asks for empty fields without calling the server', async () => {
    const { calls } = renderApp('/', {}, { signedOut: true });

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your workspace.')).toBeTruthy();
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Workspace/));
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/session/refresh']);
  });

  it('signs in and opens the page asked for', async () => {
    renderApp(
      '/tasks',
      {
        'POST /api/v1/auth/session': [json(200, tokens('access-1'))],
        'GET /api/v1/tasks': [json(200, { items: [], nextCursor: null }), json(200, { items: [], nextCursor: null })],
      },
      { signedOut: true },
    );

    await fillIn({ workspace: 'acme', email: 'rep@acme.test', password: 'secret' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Tasks' })).toBeTruthy();
  });
});
