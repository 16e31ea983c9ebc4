import createClient, { type Client } from 'openapi-fetch';
import { createSession, type Session, type SessionOptions } from './session';
import type { paths } from './types';

export type FetchFn = (request: Request) => Promise<Response>;
export type ApiClient = Client<paths>;

export interface Api {
  /** The typed client generated from the engine's OpenAPI document; sends the access token. */
  client: ApiClient;
  session: Session;
}

export interface ApiOptions extends SessionOptions {
  /** Prefix for every path; empty means same origin. */
  baseUrl?: string;
  fetch?: FetchFn;
}

/**
 * The only code that does HTTP: every request carries the in-memory access token; a 401 refreshes the session
 * once (one refresh shared by concurrent callers) and repeats the request with the new token.
 */
export function createApi(options: ApiOptions = {}): Api {
  const baseUrl = options.baseUrl ?? '';
  const send: FetchFn = options.fetch ?? ((request) => globalThis.fetch(request));
  const common = { baseUrl, credentials: 'same-origin' as const, headers: { Accept: 'application/json, application/problem+json' } };

  const session = createSession(createClient<paths>({ ...common, fetch: send }), options);

  async function withToken(request: Request): Promise<Response> {
    const repeat = request.clone();
    const token = await session.freshToken();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    const response = await send(request);
    if (response.status !== 401 || token === null) return response;
    // Another caller may have refreshed meanwhile; otherwise refresh now (shared with concurrent callers).
    const refreshed = session.token() !== token || (await session.refresh());
    const next = session.token();
    if (!refreshed || next === null) return response;
    repeat.headers.set('Authorization', `Bearer ${next}`);
    return send(repeat);
  }

  return { client: createClient<paths>({ ...common, fetch: withToken }), session };
}

/** Web Locks, where the browser has them: one refresh at a time across the app's tabs. */
export function browserLock(): SessionOptions['lock'] {
  const locks = globalThis.navigator?.locks;
  if (!locks) return null;
  return (work) => locks.request('salesflow.session.refresh', work);
}
