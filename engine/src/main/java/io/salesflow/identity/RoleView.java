package io.salesflow.identity;

import java.util.List;
import java.util.UUID;

/** A role and its row of the permission matrix, as the API shows it. */
public record RoleView(
        UUID id, String code, String name, String description, boolean system, List<Grant> permissions, long version) {

    public record Grant(String permission, Scope scope) {}
}
