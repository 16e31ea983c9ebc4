// Test helpers of the process pages: the whole app over a fake server whose routes answer their last reply again
// (pages poll and refresh after changes), and which records multipart uploads (the deployments).
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createApi } from '../api/client';
import { App, createQueryClient } from '../App';
import { ME, tokens, type Reply } from '../test/fakeFetch';

export const OPS = {
  ...ME,
  id: '3c1e2a9e-3b7d-4c1e-9a55-0d2f8e4b7c99',
  email: 'ops@acme.test',
  displayName: 'Olga Ops',
  roles: ['process_operator'],
  permissions: ['process:operate', 'process:design'],
  scopes: {},
};

export interface ServerCall {
  method: string;
  path: string;
  body: unknown;
  /** Multipart parts: field name and file name. */
  files: { field: string; name: string; text: string }[];
}

export function reply(status: number, body?: unknown): Reply {
  return { status, body };
}

/** The app at `path`, signed in as ops; `routes` by "METHOD /path?query" or "METHOD /path". */
export function renderProcesses(path: string, routes: Record<string, Reply[]>, me: Record<string, unknown> = OPS) {
  const all: Record<string, Reply[]> = {
    'POST /api/v1/auth/session/refresh': [reply(200, tokens('access-1'))],
    'GET /api/v1/me': [reply(200, me)],
    'GET /api/v1/tasks': [reply(200, { items: [], nextCursor: null })],
    ...routes,
  };
  const calls: ServerCall[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const files: ServerCall['files'] = [];
    let body: unknown;
    if ((request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
      const form = await request.clone().formData();
      for (const [field, value] of form.entries()) {
        if (typeof value !== 'string') files.push({ field, name: value.name, text: await value.text() });
      }
    } else {
      const text = request.body === null ? '' : await request.clone().text();
      body = text ? JSON.parse(text) : undefined;
    }
    calls.push({ method: request.method, path: url.pathname + url.search, body, files });
    const queue = all[`${request.method} ${url.pathname}${url.search}`] ?? all[`${request.method} ${url.pathname}`];
    const answer = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!answer) throw new Error(`Unexpected request ${request.method} ${url.pathname}${url.search}`);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  const api = createApi({ baseUrl: 'http://localhost', fetch });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, refetchInterval: false, staleTime: Infinity } });
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App api={api} queryClient={queryClient} />
    </MemoryRouter>,
  );
  return { ...view, calls, fetch };
}

export const page = <T,>(items: T[]) => ({ items, nextCursor: null });
