import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('profile', { timeout: 20_000 }, () => {
  it('shows a wrong current password on its field, keeps focus there, and sends nothing more', async () => {
    const { calls } = renderApp('/profile', {
      'PUT /api/v1/me/password': [
        json(400, {
          type: '/problems/validation',
          title: 'Invalid request',
          status: 400,
          errors: [{ field: 'currentPassword', message: 'is not your current password' }],
        }),
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeTruthy();
    fill(/^Current password/, 'wrong-one');
    fill(/^New password(?! again)/, 'A-new-long-passphrase');
    fill(/^New password again/, 'A-new-long-passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Is not your current password.')).toBeTruthy();
    const current = screen.getByLabelText(/^Current password/);
    expect(document.activeElement).toBe(current);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      currentPassword: 'wrong-one',
      newPassword: 'A-new-long-passphrase',
    });
  });

  it('does not send a new password typed differently twice', async () => {
    const { calls } = renderApp('/profile', {});
    await screen.findByRole('heading', { name: 'Your profile' });
    fill(/^Current password/, 'Salesflow-demo-1');
    fill(/^New password(?! again)/, 'A-new-long-passphrase');
    fill(/^New password again/, 'A-new-long-passphras');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Does not match the new password.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('changes the password and clears the form', async () => {
    const { calls } = renderApp('/profile', { 'PUT /api/v1/me/password': [json(204)] });
    await screen.findByRole('heading', { name: 'Your profile' });
    expect(screen.getByText(new RegExp(ME.email))).toBeTruthy();
    fill(/^Current password/, 'Salesflow-demo-1');
    fill(/^New password(?! again)/, 'A-new-long-passphrase');
    fill(/^New password again/, 'A-new-long-passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed')).toBeTruthy();
    expect((screen.getByLabelText(/^Current password/) as HTMLInputElement).value).toBe('');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });
});
