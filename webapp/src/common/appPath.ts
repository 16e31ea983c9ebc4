const BASE = 'http://salesflow.invalid';
/** A path, query and fragment of this app: URL characters without backslash, whitespace or control characters. */
const PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;

/**
 * `value` when it is a path in this web app (`/leads/unassigned`), else undefined: data (a task's `page`, …) never
 * makes a link to another site. Absolute and protocol-relative URLs (`https://…`, `//…`, `/\…`) and anything the
 * browser would resolve to another origin are refused.
 */
export function appPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !PATH.test(value)) return undefined;
  try {
    return new URL(value, BASE).origin === BASE ? value : undefined;
  } catch {
    return undefined;
  }
}
