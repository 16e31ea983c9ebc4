import type { Me } from '../api/types';

export type Permission = string;

/** A check on the signed-in user, for routes and navigation. */
export type Allowed = (me: Me) => boolean;

export function can(...permissions: Permission[]): Allowed {
  return (me) => permissions.every((p) => (me.permissions ?? []).includes(p));
}

export function canAny(...permissions: Permission[]): Allowed {
  return (me) => permissions.some((p) => (me.permissions ?? []).includes(p));
}

export function hasRole(...roles: string[]): Allowed {
  return (me) => roles.some((r) => (me.roles ?? []).includes(r));
}
