import type { Client } from 'openapi-fetch';
import { ApiError, unwrap } from './problem';
import type { LoginRequest, paths, SessionTokens } from './types';

/** Marks the browser-session endpoints' requests as the app's own (the server wants it with the cookie). */
const SESSION_HEADER = { 'X-Salesflow-Session': '1' } as const;
/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
/** Never schedule a refresh sooner than this (a very short-lived token is refreshed when used). */
const MIN_REFRESH_DELAY_MS = 5_000;

export type SessionEvent = 'signedIn' | 'expired' | 'signedOut';

export interface Session {
  /** The access token, kept in memory only; null when signed out. */
  token(): string | null;
  /** The access token, refreshed first when it is about to expire. */
  freshToken(): Promise<string | null>;
  /** Signs in; the refresh token stays in the server's HttpOnly cookie. */
  start(credentials: LoginRequest): Promise<void>;
  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one request; false when there is
   * no valid session (then listeners hear `expired` if this tab was signed in).
   */
  refresh(): Promise<boolean>;
  /** Signs this browser out. */
  end(): Promise<void>;
  /** Signs the user out on every device. */
  endEverywhere(): Promise<void>;
  subscribe(listener: (event: SessionEvent) => void): () => void;
  /** Stops timers and the cross-tab channel. */
  dispose(): void;
}

export interface SessionOptions {
  now?: () => number;
  /** Tells other tabs of this app about sign-in and sign-out, and hears theirs. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'close'> | null;
  /** Runs a refresh under a lock shared by the tabs (Web Locks), so two tabs never rotate the cookie at once. */
  lock?: (<T>(work: () => Promise<T>) => Promise<T>) | null;
}

type RawClient = Client<paths>;

export function createSession(raw: RawClient, options: SessionOptions = {}): Session {
  const now = options.now ?? (() => Date.now());
  const channel = options.channel ?? null;
  const lock = options.lock ?? ((work) => work());
  const listeners = new Set<(event: SessionEvent) => void>();

  let accessToken: string | null = null;
  let expiresAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<boolean> | null = null;

  function emit(event: SessionEvent) {
    listeners.forEach((listener) => listener(event));
  }

  function keep(tokens: SessionTokens) {
    accessToken = tokens.accessToken;
    const parsed = Date.parse(tokens.expiresAt);
    expiresAt = Number.isNaN(parsed) ? now() + tokens.expiresIn * 1000 : parsed;
    clearTimeout(timer);
    const delay = Math.max(MIN_REFRESH_DELAY_MS, expiresAt - now() - REFRESH_AHEAD_MS);
    timer = setTimeout(() => void refresh(), delay);
  }

  function forget() {
    accessToken = null;
    expiresAt = 0;
    clearTimeout(timer);
    timer = undefined;
  }

  function refresh(): Promise<boolean> {
    refreshing ??= lock(async () => {
      const wasSignedIn = accessToken !== null;
      try {
        keep(await unwrap(raw.POST('/api/v1/auth/session/refresh', { params: { header: SESSION_HEADER } })));
        return true;
      } catch (error) {
        // Without a network the session may still be good: keep what we have and let the next call tell.
        if (error instanceof ApiError && error.status === 0) return false;
        forget();
        if (wasSignedIn) emit('expired');
        return false;
      }
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data === 'signedOut' && accessToken !== null) {
      forget();
      emit('signedOut');
    } else if (event.data === 'signedIn' && accessToken === null) {
      void refresh().then((ok) => ok && emit('signedIn'));
    }
  });

  return {
    token: () => accessToken,

    async freshToken() {
      if (accessToken !== null && expiresAt - now() < MIN_REFRESH_DELAY_MS) await refresh();
      return accessToken;
    },

    async start(credentials) {
      keep(await unwrap(raw.POST('/api/v1/auth/session', { params: { header: SESSION_HEADER }, body: credentials })));
      channel?.postMessage('signedIn');
    },

    refresh,

    async end() {
      try {
        await unwrap(raw.DELETE('/api/v1/auth/session', { params: { header: SESSION_HEADER } }));
      } finally {
        forget();
        channel?.postMessage('signedOut');
      }
    },

    async endEverywhere() {
      const token = accessToken;
      try {
        await unwrap(
          raw.POST('/api/v1/auth/sessions/end-all', {
            headers: token ? { Authorization: `Bearer ${token}` } : {},
          }),
        );
      } finally {
        forget();
        channel?.postMessage('signedOut');
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      forget();
      channel?.close();
    },
  };
}
