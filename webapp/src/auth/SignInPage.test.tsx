import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { App } from '../App';
import { fakeFetch, json } from '../test/fakeFetch';

function fillIn(values: { workspace: string; email: string; password: string }) {
  fireEvent.change(screen.getByLabelText('Workspace'), { target: { value: values.workspace } });
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: values.email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: values.password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in page', () => {
  it('shows the problem detail and the field error next to the field', async () => {
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/auth/login': [
        json(400, {
          type: 'https://salesflow.io/problems/validation',
          title: 'Invalid request',
          status: 400,
          detail: 'Some fields need your attention.',
          errors: [{ field: 'email', message: 'Must be a well-formed email address.' }],
        }),
      ],
    });
    render(<App client={createApiClient({ fetch })} />);

    fillIn({ workspace: 'acme', email: 'rep-at-acme', password: 'secret' });

    expect((await screen.findByRole('alert')).textContent).toBe('Some fields need your attention.');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    const fieldError = document.getElementById(describedBy);
    expect(fieldError?.textContent).toBe('Must be a well-formed email address.');
    expect(screen.getByLabelText('Workspace').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(email);
    expect(calls[0]?.body).toEqual({ tenant: 'acme', email: 'rep-at-acme', password: 'secret' });
  });

  it('shows the detail of a 401 problem', async () => {
    const { fetch } = fakeFetch({
      'POST /api/v1/auth/login': [
        json(401, { title: 'Unauthorized', status: 401, detail: 'Wrong workspace, email or password.' }),
      ],
    });
    render(<App client={createApiClient({ fetch })} />);

    fillIn({ workspace: 'acme', email: 'rep@acme.test', password: 'wrong' });

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong workspace, email or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('asks for empty fields without calling the server', async () => {
    const { fetch } = fakeFetch({});
    render(<App client={createApiClient({ fetch })} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your workspace.')).toBeTruthy();
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
