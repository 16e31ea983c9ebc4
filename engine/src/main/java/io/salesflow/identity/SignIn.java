package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Login, refresh and logout. The tenant is resolved first, outside any tenant, then the rest runs in
 * that tenant's transaction, which commits even when the attempt fails so that the attempt is kept.
 */
@Service
public class SignIn {

    private final Tenants tenants;
    private final LoginAttempts attempts;
    private final SecurityEvents events;
    private final LoginRateLimiter limiter;

    SignIn(Tenants tenants, LoginAttempts attempts, SecurityEvents events, LoginRateLimiter limiter) {
        this.limiter = limiter;
        this.tenants = tenants;
        this.attempts = attempts;
        this.events = events;
    }

    public Tokens login(String tenantSlug, String email, String password) {
        limiter.check(clientAddress());
        String slug = tenantSlug.trim().toLowerCase(Locale.ROOT);
        Tenant tenant = tenants.findBySlug(slug).filter(Tenant::isActive).orElse(null);
        if (tenant == null) {
            events.recordUnattributed(SecurityEvents.Type.LOGIN_FAILED, slug, email);
            attempts.burnPasswordCheck(password);
            throw LoginAttempts.invalidCredentials();
        }
        return TenantContext.callAs(tenant.getId(), () -> attempts.attempt(tenant.getSlug(), email, password));
    }

    public Tokens refresh(String refreshToken) {
        limiter.check(clientAddress());
        UUID tenantId = Sessions.tenantOf(refreshToken).orElseThrow(SignIn::invalidRefresh);
        Tenant tenant = tenants.findById(tenantId).filter(Tenant::isActive).orElseThrow(SignIn::invalidRefresh);
        return TenantContext.callAs(tenantId, () -> attempts.refresh(tenant.getSlug(), refreshToken));
    }

    public void logout(String refreshToken) {
        UUID tenantId = Sessions.tenantOf(refreshToken).orElseThrow(SignIn::invalidRefresh);
        TenantContext.runAs(tenantId, () -> attempts.logout(refreshToken));
    }

    private static String clientAddress() {
        return RequestContext.metadata().map(RequestMetadata::ipAddress).orElse(null);
    }

    static Problem invalidRefresh() {
        return Problem.unauthorized("invalid-refresh-token", "The refresh token is not valid; sign in again");
    }
}
