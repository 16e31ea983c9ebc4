package io.salesflow.identity;

import io.salesflow.tenancy.TenantProvisioned;
import io.salesflow.tenancy.TenantScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Gives a new tenant its copy of the system roles and their permission matrix. */
@Component
class SystemRolesProvisioner {

    private final JdbcTemplate jdbc;
    private final RoleRepository roles;
    private final TenantScope tenantScope;

    SystemRolesProvisioner(JdbcTemplate jdbc, RoleRepository roles, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.tenantScope = tenantScope;
    }

    @EventListener
    void on(TenantProvisioned event) {
        Map<String, Set<RolePermission>> matrix = new HashMap<>();
        jdbc.query("SELECT role_code, permission_code, scope FROM system_role_permissions", rs -> {
            matrix.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                    .add(new RolePermission(rs.getString(2), Scope.valueOf(rs.getString(3))));
        });
        List<String[]> systemRoles =
                jdbc.query("SELECT code, name, description FROM system_roles ORDER BY code", (rs, i) ->
                        new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        tenantScope.runAs(event.tenantId(), () -> {
            for (String[] r : systemRoles) {
                if (roles.findByCode(r[0]).isEmpty()) {
                    roles.save(new Role(event.tenantId(), r[0], r[1], r[2], true, matrix.getOrDefault(r[0], Set.of())));
                }
            }
        });
    }
}
