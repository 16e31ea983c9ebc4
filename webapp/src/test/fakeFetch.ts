import { vi } from 'vitest';

export interface Call {
  method: string;
  /** Path and query, without the origin. */
  path: string;
  authorization: string | null;
  sessionHeader: string | null;
  credentials: RequestCredentials;
  body: unknown;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export function json(status: number, body?: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

/**
 * A fetch double for the generated client: each request is answered by the next reply queued for
 * "METHOD /path?query" or, failing that, "METHOD /path". Every request is recorded in `calls`.
 */
export function fakeFetch(routes: Record<string, Reply[]>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const text = request.body === null ? '' : await request.clone().text();
    calls.push({
      method: request.method,
      path: url.pathname + url.search,
      authorization: request.headers.get('Authorization'),
      sessionHeader: request.headers.get('X-Salesflow-Session'),
      credentials: request.credentials,
      body: text ? JSON.parse(text) : undefined,
    });
    const reply =
      routes[`${request.method} ${url.pathname}${url.search}`]?.shift() ?? routes[`${request.method} ${url.pathname}`]?.shift();
    if (!reply) throw new Error(`Unexpected request ${request.method} ${url.pathname}${url.search}`);
    const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': contentType, ...reply.headers },
    });
  });
  return { fetch, calls };
}

const HOUR = 3600_000;

export function tokens(accessToken: string, expiresInSeconds = 900, now = Date.now()) {
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: expiresInSeconds,
    expiresAt: new Date(now + expiresInSeconds * 1000).toISOString(),
  };
}

export const NO_SESSION = {
  type: '/problems/unauthenticated',
  title: 'Unauthorized',
  status: 401,
  detail: 'No session',
};

export const ME = {
  id: '6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c10',
  kind: 'USER',
  tenant: 'acme',
  email: 'rep@acme.test',
  displayName: 'Rita Rep',
  roles: ['sales_rep'],
  permissions: ['leads:read', 'deals:read', 'tasks:work'],
  scopes: { 'tasks:work': 'OWN' },
  teams: [{ id: 't-east', name: 'East' }],
};

export const MANAGER = {
  ...ME,
  id: '0b7e1d2c-1111-4c1e-9a55-0d2f8e4b7c10',
  email: 'manager@acme.test',
  displayName: 'Max Manager',
  roles: ['manager'],
  permissions: ['deals:read', 'deals:approve', 'tasks:work'],
  scopes: { 'tasks:work': 'TEAM' },
};

export { HOUR };
