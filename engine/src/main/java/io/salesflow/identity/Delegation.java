package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.util.Map;

/**
 * Nobody hands out more than they hold: a role may only be granted, and a user only be changed, by a caller
 * whose own permissions cover it, scope for scope. Without this, {@code roles:manage} or {@code users:manage}
 * alone would be a way to every permission, and an org admin could take over a super admin.
 */
final class Delegation {

    private Delegation() {}

    /** Refuses {@code field} unless the caller holds every permission of {@code granted} at least as widely. */
    static void requireCovered(Caller caller, Map<String, Scope> granted, String field, String what) {
        for (Map.Entry<String, Scope> p : granted.entrySet()) {
            Scope held = caller.permissions().get(p.getKey());
            if (held == null || held.ordinal() < p.getValue().ordinal()) {
                throw new Problem(
                                403,
                                "forbidden",
                                "Forbidden",
                                "You cannot " + what + ": it needs '" + p.getKey() + "' (" + p.getValue()
                                        + "), which you do not hold that widely")
                        .with("field", field);
            }
        }
    }

    /** The permissions a set of roles grants, each at its widest scope. */
    static Map<String, Scope> permissionsOf(Iterable<Role> roles) {
        Map<String, Scope> permissions = new java.util.HashMap<>();
        for (Role role : roles) {
            for (RolePermission p : role.getPermissions()) {
                permissions.merge(p.permission(), p.scope(), Scope::widest);
            }
        }
        return permissions;
    }
}
