package io.salesflow.identity;

import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lets background work act for the user who asked for it (an import running after its upload): with the user's
 * permissions as the matrix grants them now, never wider than those the starting request held, and recorded as
 * the principal that started it.
 */
@Component
public class OnBehalf {

    private final CallerFactory callers;
    private final Tenants tenants;

    OnBehalf(CallerFactory callers, Tenants tenants) {
        this.callers = callers;
        this.tenants = tenants;
    }

    /**
     * The caller of the current tenant's user {@code userId}, keeping only the permissions named in {@code held};
     * empty when the user is gone or deactivated.
     */
    public Optional<Caller> caller(UUID userId, Collection<String> held) {
        String slug =
                tenants.findById(TenantContext.require()).map(Tenant::getSlug).orElseThrow();
        return callers.forUser(userId, slug, null).map(user -> {
            Map<String, Scope> permissions = user.permissions().entrySet().stream()
                    .filter(p -> held.contains(p.getKey()))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            return new Caller(
                    Caller.Kind.USER,
                    user.userId(),
                    user.userId(),
                    user.tenantId(),
                    user.tenantSlug(),
                    user.name(),
                    user.roles(),
                    permissions,
                    user.teamIds(),
                    null);
        });
    }

    /**
     * Runs {@code work} on this thread as {@code caller}, recorded in history and audit as {@code actor} with
     * {@code metadata}; whatever the thread had before is put back afterwards.
     */
    public <T> T call(Caller caller, RequestContext.Actor actor, RequestMetadata metadata, Supplier<T> work) {
        SecurityContext previousSecurity = SecurityContextHolder.getContext();
        RequestContext.Actor previousActor = RequestContext.actor();
        Optional<RequestMetadata> previousMetadata = RequestContext.metadata();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
        RequestContext.setActor(actor);
        RequestContext.setMetadata(metadata);
        try {
            return TenantContext.callAs(caller.tenantId(), work);
        } finally {
            if (previousSecurity.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previousSecurity);
            }
            RequestContext.setActor(previousActor == RequestContext.Actor.SYSTEM ? null : previousActor);
            RequestContext.setMetadata(previousMetadata.orElse(null));
        }
    }
}
