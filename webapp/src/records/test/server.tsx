import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createApi } from '../../api/client';
import { App, createQueryClient } from '../../App';
import { json, ME, tokens, type Reply } from '../../test/fakeFetch';

export { json, ME };

export interface RecordedCall {
  method: string;
  path: string;
  /** The query, decoded. */
  query: URLSearchParams;
  headers: Headers;
  /** JSON bodies parsed; multipart bodies as their fields (files by name). */
  body: unknown;
}

/**
 * A fetch double like src/test/fakeFetch, that also keeps request headers and reads multipart bodies: answers come
 * from the queue of "METHOD /path?query", else "METHOD /path"; a function reply sees the request.
 */
export function recordsFetch(routes: Record<string, (Reply | ((call: RecordedCall) => Reply))[]>) {
  const calls: RecordedCall[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    let body: unknown;
    const type = request.headers.get('Content-Type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await request.clone().formData();
      body = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : (v as File).name]));
    } else if (request.body !== null) {
      const text = await request.clone().text();
      body = text ? JSON.parse(text) : undefined;
    }
    const call: RecordedCall = { method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers, body };
    calls.push(call);
    const queue = routes[`${request.method} ${url.pathname}${url.search}`]?.length
      ? routes[`${request.method} ${url.pathname}${url.search}`]
      : routes[`${request.method} ${url.pathname}`];
    const next = queue?.shift();
    if (!next) throw new Error(`Unexpected request ${request.method} ${url.pathname}${url.search}`);
    const reply = typeof next === 'function' ? next(call) : next;
    const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': contentType, ...reply.headers },
    });
  });
  return { fetch, calls };
}

export const REP = {
  ...ME,
  permissions: ['leads:read', 'leads:write', 'contacts:read', 'accounts:read', 'deals:read', 'tasks:work', 'users:read'],
};

/** The whole app at `path` over `recordsFetch`, signed in as `me`. */
export function renderRecords(path: string, routes: Record<string, (Reply | ((call: RecordedCall) => Reply))[]>, me: typeof ME = REP) {
  const fake = recordsFetch({
    'POST /api/v1/auth/session/refresh': [json(200, tokens('access-1'))],
    'GET /api/v1/me': [json(200, me)],
    // No saved views unless a test says otherwise.
    'GET /api/v1/saved-views': Array.from({ length: 10 }, () => json(200, { items: [], nextCursor: null })),
    ...routes,
  });
  const api = createApi({ baseUrl: 'http://localhost', fetch: fake.fetch });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, refetchInterval: false, staleTime: Infinity } });
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App api={api} queryClient={queryClient} />
    </MemoryRouter>,
  );
  return { ...view, ...fake, queryClient };
}

/** happy-dom lays nothing out: give scroll containers a size so the virtualised rows render. */
export function withLayout() {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
}

export const LEAD_A = { id: 'a0000000-0000-4000-8000-000000000001', firstName: 'Ada', lastName: 'Lovelace', company: 'Engines', status: 'new', score: 72, scoreBand: 'hot', ownerId: ME.id, version: 3 };
export const LEAD_B = { id: 'b0000000-0000-4000-8000-000000000002', firstName: 'Bob', lastName: 'Babbage', company: 'Mills', status: 'contacted', score: 41, scoreBand: 'warm', ownerId: ME.id, version: 1 };
export const LEAD_C = { id: 'c0000000-0000-4000-8000-000000000003', firstName: 'Cy', lastName: 'Clerk', company: 'Looms', status: 'new', score: 12, scoreBand: 'cold', ownerId: ME.id, version: 1 };
