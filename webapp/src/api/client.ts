// Hand-written for now: to be replaced by a client generated from the engine's OpenAPI document.

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface LoginRequest {
  tenant: string;
  email: string;
  password: string;
}

export interface Team {
  id: string;
  name: string;
}

export interface Me {
  id: string;
  tenant: string;
  email: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  teams: Team[];
}

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as the engine answers errors. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Prefix for every path; empty means same origin. */
  baseUrl?: string;
  fetch?: FetchFn;
  /** Where the refresh token survives a page reload; the access token stays in memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export interface ApiClient {
  login(request: LoginRequest): Promise<Tokens>;
  logout(): Promise<void>;
  me(): Promise<Me>;
  /** Trades a refresh token kept from an earlier visit for new tokens; false when there is none or it is refused. */
  restoreSession(): Promise<boolean>;
  /** Whether a refresh token from an earlier visit is at hand for restoreSession. */
  canRestoreSession(): boolean;
  /** Called when the session is lost (refresh refused); returns an unsubscribe function. */
  onSessionExpired(listener: () => void): () => void;
}

export const REFRESH_TOKEN_KEY = 'salesflow.refreshToken';

interface RequestOptions {
  method: 'GET' | 'POST';
  body?: unknown;
  /** Send the access token and, on 401, refresh once and retry. */
  auth: boolean;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch: FetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const storage = options.storage ?? globalThis.sessionStorage;

  let accessToken: string | null = null;
  let refreshToken: string | null = storage.getItem(REFRESH_TOKEN_KEY);
  let refreshing: Promise<boolean> | null = null;
  const expiredListeners = new Set<() => void>();

  function keep(tokens: Tokens): void {
    accessToken = tokens.accessToken;
    refreshToken = tokens.refreshToken;
    storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
  }

  function forget(): void {
    accessToken = null;
    refreshToken = null;
    storage.removeItem(REFRESH_TOKEN_KEY);
  }

  async function send(path: string, { method, body, auth }: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await doFetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError({
        status: 0,
        title: 'Cannot reach Salesflow',
        detail: 'Check your connection and try again.',
      });
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  async function toError(response: Response): Promise<ApiError> {
    const body = await readJson(response);
    if (body && typeof body === 'object') {
      return new ApiError({ ...(body as Partial<Problem>), status: response.status });
    }
    return new ApiError({ status: response.status, title: response.statusText || 'Request failed' });
  }

  /** One refresh at a time: concurrent 401s wait for the same attempt. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      if (!refreshToken) return false;
      const response = await send('/api/v1/auth/refresh', {
        method: 'POST',
        body: { refreshToken },
        auth: false,
      });
      if (!response.ok) {
        forget();
        return false;
      }
      keep((await readJson(response)) as Tokens);
      return true;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function request<T>(path: string, options: RequestOptions): Promise<T> {
    const hadAccessToken = options.auth && accessToken !== null;
    let response = await send(path, options);
    if (response.status === 401 && hadAccessToken) {
      if (await refresh()) {
        response = await send(path, options);
      } else {
        expiredListeners.forEach((listener) => listener());
      }
    }
    if (!response.ok) throw await toError(response);
    return (await readJson(response)) as T;
  }

  return {
    async login(credentials) {
      const tokens = await request<Tokens>('/api/v1/auth/login', {
        method: 'POST',
        body: credentials,
        auth: false,
      });
      keep(tokens);
      return tokens;
    },

    async logout() {
      const token = refreshToken;
      try {
        if (token) {
          await request<void>('/api/v1/auth/logout', {
            method: 'POST',
            body: { refreshToken: token },
            auth: true,
          });
        }
      } finally {
        forget();
      }
    },

    me() {
      return request<Me>('/api/v1/me', { method: 'GET', auth: true });
    },

    restoreSession() {
      return refresh();
    },

    canRestoreSession() {
      return refreshToken !== null;
    },

    onSessionExpired(listener) {
      expiredListeners.add(listener);
      return () => {
        expiredListeners.delete(listener);
      };
    },
  };
}
