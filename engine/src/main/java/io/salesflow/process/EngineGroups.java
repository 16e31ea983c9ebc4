package io.salesflow.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How our roles and teams are named as Camunda groups, which are global: the workspace slug keeps two
 * tenants' {@code sales_rep} apart. Candidate groups in BPMN use these names.
 */
public final class EngineGroups {

    private EngineGroups() {}

    public static String role(String tenantSlug, String roleCode) {
        return tenantSlug + ":" + roleCode;
    }

    public static String team(String tenantSlug, UUID teamId) {
        return tenantSlug + ":team:" + teamId;
    }

    public static List<String> of(String tenantSlug, Collection<String> roleCodes, Collection<UUID> teamIds) {
        List<String> groups = new ArrayList<>();
        roleCodes.forEach(r -> groups.add(role(tenantSlug, r)));
        teamIds.forEach(t -> groups.add(team(tenantSlug, t)));
        return groups;
    }
}
