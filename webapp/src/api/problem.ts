import type { Problem } from './types';

/** An answer other than 2xx, as the RFC 9457 problem the engine sent (or one made up for a network failure). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${problem.status}`, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The last segment of the problem type: `/problems/login-throttled` is `login-throttled`. */
  get kind(): string {
    return (this.problem.type ?? '').split('/').pop() ?? '';
  }

  /** The first message for each field the problem names, by field path (`email`, `variables.outcome`). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problem.errors ?? []) {
      byField[field] ??= sentence(message);
    }
    return byField;
  }

  /** When the server says to try again: `retryAt`/`lockedUntil`, else now plus `retryAfterSeconds`. */
  retryAt(now: number = Date.now()): Date | null {
    const at = this.problem.retryAt ?? this.problem.lockedUntil;
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) return new Date(at);
    const seconds = this.problem.retryAfterSeconds;
    return typeof seconds === 'number' && seconds > 0 ? new Date(now + seconds * 1000) : null;
  }

  static network(cause: unknown): ApiError {
    return new ApiError(
      { status: 0, title: 'Cannot reach Salesflow', detail: 'Salesflow cannot be reached. Check your connection and try again.' },
      { cause },
    );
  }

  /** The problem in an error body; `Retry-After` fills in `retryAfterSeconds` when the body lacks it. */
  static of(body: unknown, response: Response): ApiError {
    const problem: Problem =
      body && typeof body === 'object'
        ? { ...(body as Partial<Problem>), status: response.status }
        : { status: response.status, title: response.statusText || 'Request failed' };
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (problem.retryAfterSeconds === undefined && Number.isFinite(retryAfter) && retryAfter > 0) {
      problem.retryAfterSeconds = retryAfter;
    }
    return new ApiError(problem);
  }
}

/** "must not be empty" reads as "Must not be empty." */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A message a person reads for a failed request that is not about particular fields. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (true) {
    case error.status === 0:
      return error.message;
    case error.status === 403:
      return 'You do not have permission to do that.';
    case error.status === 404:
      return 'It is not there any more, or you cannot see it.';
    case error.status >= 500:
      return error.problem.requestId
        ? `Salesflow had a problem. Please try again; if it persists, quote ${error.problem.requestId}.`
        : 'Salesflow had a problem. Please try again.';
    case (error.problem.errors ?? []).length > 0:
      return 'Some fields need your attention.';
    default:
      return error.message;
  }
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an openapi-fetch call, or its problem thrown as an ApiError (for TanStack Query). */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiError ? error : ApiError.network(error);
  }
  if (!result.response.ok) throw ApiError.of(result.error, result.response);
  return result.data as T;
}
