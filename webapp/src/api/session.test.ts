import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, ME, NO_SESSION, tokens } from '../test/fakeFetch';
import { createApi } from './client';
import { unwrap } from './problem';

const EXPIRED = { type: '/problems/token-expired', title: 'Unauthorized', status: 401, detail: 'Access token expired' };

function api(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  return { ...createApi({ baseUrl: 'http://localhost', fetch: fake.fetch }), calls: fake.calls };
}

const me = (client: ReturnType<typeof api>['client']) => unwrap(client.GET('/api/v1/me'));

afterEach(() => {
  vi.useRealTimers();
});

describe('session', () => {
  it('restores the session from the refresh cookie and keeps the access token in memory only', async () => {
    const { client, session, calls } = api({
      'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1'))],
      'GET /api/v1/me': [json(200, ME)],
    });

    await expect(session.refresh()).resolves.toBe(true);
    await expect(me(client)).resolves.toEqual(ME);

    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/session/refresh', sessionHeader: '1', credentials: 'same-origin' });
    expect(calls[1]?.authorization).toBe('Bearer access-1');
    expect(JSON.stringify(localStorage) + JSON.stringify(sessionStorage)).not.toContain('access-1');
    session.dispose();
  });

  it('starts signed out when there is no session to restore', async () => {
    const { session } = api({ 'POST /api/v1/auth/session/refresh': [json(401, NO_SESSION)] });
    await expect(session.refresh()).resolves.toBe(false);
    expect(session.token()).toBeNull();
  });

  it('signs in with the session header and no refresh token in sight', async () => {
    const { session, calls } = api({ 'POST /api/v1/auth/session': [json(200, tokens('access-1'))] });
    await session.start({ tenant: 'acme', email: 'rep@acme.test', password: 'secret' });
    expect(calls[0]).toMatchObject({ sessionHeader: '1', body: { tenant: 'acme', email: 'rep@acme.test', password: 'secret' } });
    expect(session.token()).toBe('access-1');
    session.dispose();
  });

  it('refreshes once on 401 and repeats the request with the new token', async () => {
    const { client, session, calls } = api({
      'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1')), json(200, tokens('access-2'))],
      'GET /api/v1/me': [json(401, EXPIRED), json(200, ME)],
    });
    await session.refresh();

    await expect(me(client)).resolves.toEqual(ME);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.authorization ?? ''}`)).toEqual([
      'POST /api/v1/auth/session/refresh ',
      'GET /api/v1/me Bearer access-1',
      'POST /api/v1/auth/session/refresh ',
      'GET /api/v1/me Bearer access-2',
    ]);
    session.dispose();
  });

  it('shares one refresh between concurrent requests', async () => {
    const { client, session, calls } = api({
      'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1')), json(200, tokens('access-2'))],
      'GET /api/v1/me': [json(401, EXPIRED), json(401, EXPIRED), json(200, ME), json(200, ME)],
    });
    await session.refresh();

    await expect(Promise.all([me(client), me(client)])).resolves.toEqual([ME, ME]);
    expect(calls.filter((c) => c.path === '/api/v1/auth/session/refresh')).toHaveLength(2);
    session.dispose();
  });

  it('does not refresh a second time when the repeat is refused too, and tells listeners the session ended', async () => {
    const { client, session, calls } = api({
      'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1')), json(401, NO_SESSION)],
      'GET /api/v1/me': [json(401, EXPIRED)],
    });
    await session.refresh();
    const events: string[] = [];
    session.subscribe((event) => events.push(event));

    await expect(me(client)).rejects.toMatchObject({ status: 401 });
    expect(events).toEqual(['expired']);
    expect(session.token()).toBeNull();
    expect(calls).toHaveLength(3);
  });

  it('refreshes silently shortly before the access token expires', async () => {
    vi.useFakeTimers();
    const { session, calls } = api({
      'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1', 300)), json(200, tokens('access-2', 300))],
    });
    await session.refresh();

    await vi.advanceTimersByTimeAsync(239_000);
    expect(session.token()).toBe('access-1');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(session.token()).toBe('access-2');
    expect(calls).toHaveLength(2);
    session.dispose();
  });

  it('signs out this browser, or everywhere with the bearer token', async () => {
    const { session, calls } = api({
      'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1'))],
      'POST /api/v1/auth/sessions/end-all': [json(204)],
      'DELETE /api/v1/auth/session': [json(204)],
    });
    await session.refresh();

    await session.endEverywhere();
    expect(calls[1]).toMatchObject({ method: 'POST', path: '/api/v1/auth/sessions/end-all', authorization: 'Bearer access-1' });
    expect(session.token()).toBeNull();

    await session.end();
    expect(calls[2]).toMatchObject({ method: 'DELETE', path: '/api/v1/auth/session', sessionHeader: '1' });
  });
});
