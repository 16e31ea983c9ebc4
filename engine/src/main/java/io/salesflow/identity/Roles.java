package io.salesflow.identity;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's roles: the system roles' matrix may be adjusted, custom roles created, changed and removed. */
@Service
public class Roles {

    /** What sets the super admin apart from an org admin: no custom role and no API key may hold it. */
    static final String WORKSPACE_OWNER = "workspace:owner";

    private final RoleRepository roles;
    private final UserRepository users;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Roles(
            RoleRepository roles,
            UserRepository users,
            JdbcTemplate jdbc,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.roles = roles;
        this.users = users;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    public record RoleDefinition(String code, String name, String description, List<RoleView.Grant> permissions) {}

    public record PermissionInfo(String code, String description, boolean scoped) {}

    @Transactional(readOnly = true)
    public List<PermissionInfo> catalogue() {
        return jdbc.query(
                "SELECT code, description, scoped FROM permissions ORDER BY code",
                (rs, i) -> new PermissionInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    @Transactional(readOnly = true)
    public List<RoleView> list() {
        return roles.findAllByOrderByCode().stream().map(Roles::view).toList();
    }

    @Transactional(readOnly = true)
    public RoleView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public RoleView create(RoleDefinition definition) {
        if (roles.findByCode(definition.code()).isPresent()) {
            throw new Problem(409, "duplicate", "Conflict", "A role with code " + definition.code() + " already exists")
                    .with("field", "code");
        }
        Role role = new Role(
                TenantContext.require(),
                definition.code(),
                definition.name(),
                definition.description(),
                false,
                grants(definition.permissions()));
        roles.saveAndFlush(role);
        audit.record("role.created", "role", role.getId(), null, role.snapshot());
        events.publishEvent(new IdentityChanged(TenantContext.require()));
        return view(role);
    }

    @Transactional
    public RoleView change(UUID id, RoleDefinition definition, String ifMatch) {
        Role role = find(id);
        ETags.check(ifMatch, role.getVersion());
        if ("super_admin".equals(role.getCode())) {
            throw Problem.forbidden("The super admin role always holds every permission");
        }
        if (definition.code() != null && !definition.code().equals(role.getCode())) {
            throw Problem.invalid("code", "a role's code cannot change");
        }
        Caller.current()
                .ifPresent(caller -> Delegation.requireCovered(
                        caller,
                        Delegation.permissionsOf(List.of(role)),
                        "id",
                        "change a role that holds more than you"));
        Map<String, Object> before = role.snapshot();
        role.change(definition.name(), definition.description(), grants(definition.permissions()));
        roles.saveAndFlush(role);
        audit.record("role.changed", "role", id, before, role.snapshot());
        events.publishEvent(new IdentityChanged(TenantContext.require()));
        return view(role);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Role role = find(id);
        ETags.check(ifMatch, role.getVersion());
        if (role.isSystem()) {
            throw Problem.conflict("System roles cannot be deleted; change their permissions instead");
        }
        if (!users.withRole(id).isEmpty()) {
            throw Problem.conflict("The role is still assigned to users; take it from them first");
        }
        roles.delete(role);
        audit.record("role.deleted", "role", id, role.snapshot(), null);
        events.publishEvent(new IdentityChanged(TenantContext.require()));
    }

    private Role find(UUID id) {
        return roles.findById(id).orElseThrow(() -> Problem.notFound("Role", id));
    }

    private Set<RolePermission> grants(List<RoleView.Grant> requested) {
        if (requested == null) {
            return Set.of();
        }
        Map<String, Boolean> known = new HashMap<>();
        catalogue().forEach(p -> known.put(p.code(), p.scoped()));
        Set<RolePermission> result = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            RoleView.Grant grant = requested.get(i);
            String field = "permissions[" + i + "]";
            Boolean scoped = known.get(grant.permission());
            if (scoped == null) {
                throw Problem.invalid(field + ".permission", "unknown permission '" + grant.permission() + "'");
            }
            if (WORKSPACE_OWNER.equals(grant.permission())) {
                throw Problem.invalid(
                        field + ".permission", "'" + WORKSPACE_OWNER + "' belongs to the super admin role only");
            }
            Scope scope = grant.scope() == null ? Scope.ALL : grant.scope();
            if (!scoped && scope != Scope.ALL) {
                throw Problem.invalid(field + ".scope", "'" + grant.permission() + "' is not record-scoped; use ALL");
            }
            result.add(new RolePermission(grant.permission(), scope));
        }
        Map<String, Scope> granted = new HashMap<>();
        result.forEach(p -> granted.put(p.permission(), p.scope()));
        Caller.current()
                .ifPresent(caller -> Delegation.requireCovered(caller, granted, "permissions", "grant this role"));
        return result;
    }

    static RoleView view(Role role) {
        return new RoleView(
                role.getId(),
                role.getCode(),
                role.getName(),
                role.getDescription(),
                role.isSystem(),
                role.getPermissions().stream()
                        .map(p -> new RoleView.Grant(p.permission(), p.scope()))
                        .sorted(Comparator.comparing(RoleView.Grant::permission))
                        .toList(),
                role.getVersion());
    }
}
