package io.salesflow.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link Caller} of a user from the permission matrix as it is now, so role changes apply at once. */
@Component
class CallerFactory {

    private final UserRepository users;
    private final RoleRepository roles;
    private final TeamRepository teams;

    CallerFactory(UserRepository users, RoleRepository roles, TeamRepository teams) {
        this.users = users;
        this.roles = roles;
        this.teams = teams;
    }

    /** The active user's caller in the current tenant, or empty if the user is unknown or deactivated. */
    @Transactional(readOnly = true)
    Optional<Caller> forUser(UUID userId, String tenantSlug, UUID sessionId) {
        return users.findById(userId)
                .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                .map(u -> forUser(u, tenantSlug, sessionId));
    }

    Caller forUser(User user, String tenantSlug, UUID sessionId) {
        List<Role> held = roles.findAllById(user.getRoleIds());
        Map<String, Scope> permissions = new HashMap<>();
        Set<String> roleCodes = new HashSet<>();
        for (Role role : held) {
            roleCodes.add(role.getCode());
            for (RolePermission p : role.getPermissions()) {
                permissions.merge(p.permission(), p.scope(), Scope::widest);
            }
        }
        Set<UUID> teamIds = new HashSet<>();
        teams.ofUser(user.getId()).forEach(t -> teamIds.add(t.getId()));
        return new Caller(
                Caller.Kind.USER,
                user.getId(),
                user.getId(),
                user.getTenantId(),
                tenantSlug,
                user.getEmail(),
                Set.copyOf(roleCodes),
                Map.copyOf(permissions),
                Set.copyOf(teamIds),
                sessionId);
    }
}
