package io.salesflow.identity;

import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/** A named set of permissions. System roles come from the shipped matrix; custom roles are the tenant's own. */
@Entity
@Table(name = "roles")
class Role extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description = "";

    @Column(nullable = false, updatable = false)
    private boolean system;

    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permissions", joinColumns = @JoinColumn(name = "role_id"))
    private Set<RolePermission> permissions = new HashSet<>();

    protected Role() {}

    Role(UUID tenantId, String code, String name, String description, boolean system, Set<RolePermission> permissions) {
        super(tenantId);
        this.code = code;
        this.name = name;
        this.description = description == null ? "" : description;
        this.system = system;
        this.permissions.addAll(permissions);
    }

    void change(String name, String description, Set<RolePermission> permissions) {
        this.name = name;
        this.description = description == null ? "" : description;
        this.permissions.clear();
        this.permissions.addAll(permissions);
        changed();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("name", name);
        s.put("description", description);
        s.put(
                "permissions",
                permissions.stream()
                        .map(p -> p.permission() + ":" + p.scope())
                        .sorted()
                        .toList());
        return s;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    boolean isSystem() {
        return system;
    }

    Set<RolePermission> getPermissions() {
        return Set.copyOf(permissions);
    }
}
