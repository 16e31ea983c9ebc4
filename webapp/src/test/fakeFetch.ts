import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export type Reply = { status: number; body?: unknown };

export function json(status: number, body?: unknown): Reply {
  return { status, body };
}

/**
 * A fetch double: each request is answered by the next reply queued for "METHOD /path".
 * Every request is recorded in `calls`.
 */
export function fakeFetch(routes: Record<string, Reply[]>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({
      method,
      path: input,
      authorization: headers.Authorization,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const reply = routes[`${method} ${input}`]?.shift();
    if (!reply) throw new Error(`Unexpected request ${method} ${input}`);
    const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': contentType },
    });
  });
  return { fetch, calls };
}

export const TOKENS = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  tokenType: 'Bearer',
  expiresIn: 900,
};

export const ME = {
  id: '6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c10',
  tenant: 'acme',
  email: 'rep@acme.test',
  displayName: 'Rita Rep',
  roles: ['sales_rep'],
  permissions: ['lead:read', 'lead:write'],
  teams: [{ id: 't-east', name: 'East' }],
};
