package io.salesflow.identity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated principal of a request: a user (by login) or an external system (by API key), in
 * one tenant, with the permissions its roles or scopes grant; or the installation's platform operator, who
 * belongs to no tenant ({@code tenantId} and {@code tenantSlug} are null) and only reaches the engine's own
 * API and the operations endpoints.
 *
 * @param principalId the user id, or the API key id
 * @param userId the user, or the user who created the API key
 * @param permissions permission code to the widest scope granted
 * @param sessionId the login session of an access token; null for API keys
 */
public record Caller(
        Kind kind,
        UUID principalId,
        UUID userId,
        UUID tenantId,
        String tenantSlug,
        String name,
        Set<String> roles,
        Map<String, Scope> permissions,
        Set<UUID> teamIds,
        UUID sessionId) {

    public enum Kind {
        USER,
        API_KEY,
        PLATFORM_OPERATOR
    }

    /** Whether this is the platform operator rather than someone acting in a workspace. */
    public boolean isPlatformOperator() {
        return kind == Kind.PLATFORM_OPERATOR;
    }

    public boolean can(String permission) {
        return permissions.containsKey(permission);
    }

    public Optional<Scope> scopeOf(String permission) {
        return Optional.ofNullable(permissions.get(permission));
    }

    /** The caller of the current request, if it is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller)
                : Optional.empty();
    }

    public static Caller require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }
}
