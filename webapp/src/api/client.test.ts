import { describe, expect, it } from 'vitest';
import { fakeFetch, json, ME, TOKENS } from '../test/fakeFetch';
import { ApiError, createApiClient, REFRESH_TOKEN_KEY } from './client';

const LOGIN = { tenant: 'acme', email: 'rep@acme.test', password: 'secret' };
const NEW_TOKENS = { ...TOKENS, accessToken: 'access-2', refreshToken: 'refresh-2' };
const UNAUTHORIZED = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Access token expired' };

async function signedInClient(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch({ 'POST /api/v1/auth/login': [json(200, TOKENS)], ...routes });
  const client = createApiClient({ fetch: fake.fetch });
  await client.login(LOGIN);
  return { client, calls: fake.calls };
}

describe('api client', () => {
  it('logs in, keeps the refresh token in sessionStorage and sends the access token', async () => {
    const { client, calls } = await signedInClient({ 'GET /api/v1/me': [json(200, ME)] });

    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/login', body: LOGIN });
    expect(calls[0]?.authorization).toBeUndefined();
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');

    await expect(client.me()).resolves.toEqual(ME);
    expect(calls[1]?.authorization).toBe('Bearer access-1');
  });

  it('refreshes once on 401 and retries with the new access token', async () => {
    const { client, calls } = await signedInClient({
      'GET /api/v1/me': [json(401, UNAUTHORIZED), json(200, ME)],
      'POST /api/v1/auth/refresh': [json(200, NEW_TOKENS)],
    });

    await expect(client.me()).resolves.toEqual(ME);

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/auth/login',
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    expect(calls[2]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(calls[3]?.authorization).toBe('Bearer access-2');
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('does not refresh a second time when the retry also answers 401', async () => {
    const { client, calls } = await signedInClient({
      'GET /api/v1/me': [json(401, UNAUTHORIZED), json(401, UNAUTHORIZED)],
      'POST /api/v1/auth/refresh': [json(200, NEW_TOKENS)],
    });

    const error = await client.me().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(calls).toHaveLength(4);
  });

  it('shares one refresh between concurrent requests', async () => {
    const { client, calls } = await signedInClient({
      'GET /api/v1/me': [json(401, UNAUTHORIZED), json(401, UNAUTHORIZED), json(200, ME), json(200, ME)],
      'POST /api/v1/auth/refresh': [json(200, NEW_TOKENS)],
    });

    await expect(Promise.all([client.me(), client.me()])).resolves.toEqual([ME, ME]);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('drops the session and tells listeners when the refresh is refused', async () => {
    const { client } = await signedInClient({
      'GET /api/v1/me': [json(401, UNAUTHORIZED)],
      'POST /api/v1/auth/refresh': [json(401, { title: 'Unauthorized', status: 401, detail: 'Refresh token revoked' })],
    });
    let expired = 0;
    client.onSessionExpired(() => expired++);

    await expect(client.me()).rejects.toThrow('Access token expired');
    expect(expired).toBe(1);
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('does not try to refresh a 401 from login itself', async () => {
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/auth/login': [json(401, { title: 'Unauthorized', status: 401, detail: 'Wrong email or password' })],
    });
    const client = createApiClient({ fetch });

    const error = await client.login(LOGIN).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Wrong email or password');
    expect(calls).toHaveLength(1);
  });

  it('sends the refresh token on logout and forgets the session', async () => {
    const { client, calls } = await signedInClient({ 'POST /api/v1/auth/logout': [json(204)] });

    await client.logout();

    expect(calls[1]).toMatchObject({ path: '/api/v1/auth/logout', body: { refreshToken: 'refresh-1' } });
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('restores a session from a refresh token kept in sessionStorage', async () => {
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/auth/refresh': [json(200, NEW_TOKENS)],
      'GET /api/v1/me': [json(200, ME)],
    });
    const client = createApiClient({ fetch });

    await expect(client.restoreSession()).resolves.toBe(true);
    await expect(client.me()).resolves.toEqual(ME);
    expect(calls[1]?.authorization).toBe('Bearer access-2');
  });
});
