package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Login, refresh and logout. Each client address has a cap on attempts across all accounts (password
 * spraying); each (workspace, email) and address pair has the {@link LoginThrottle}. The tenant is resolved
 * next, outside any tenant, then the rest runs in that tenant's transaction, which commits even when the
 * attempt fails so that the attempt is kept.
 */
@Service
public class SignIn {

    private final Tenants tenants;
    private final LoginAttempts attempts;
    private final SecurityEvents events;
    private final RateLimiter limiter;
    private final LoginThrottle throttle;
    private final PasswordChecks passwords;

    SignIn(
            Tenants tenants,
            LoginAttempts attempts,
            SecurityEvents events,
            RateLimiter limiter,
            LoginThrottle throttle,
            PasswordChecks passwords) {
        this.tenants = tenants;
        this.attempts = attempts;
        this.events = events;
        this.limiter = limiter;
        this.throttle = throttle;
        this.passwords = passwords;
    }

    public Tokens login(String tenantSlug, String email, String password) {
        String address = clientAddress();
        checkAddressLimit(address);
        String slug = tenantSlug.trim().toLowerCase(Locale.ROOT);
        String normalised = User.normalise(email);
        LoginThrottle.Claim claim = throttle.claim(slug, normalised, address);
        Tenant tenant = tenants.findBySlug(slug).filter(Tenant::isActive).orElse(null);
        if (tenant == null) {
            events.recordUnattributed(
                    claim.refused() ? SecurityEvents.Type.LOGIN_THROTTLED : SecurityEvents.Type.LOGIN_FAILED,
                    slug,
                    email);
            if (claim.refused()) {
                throw LoginThrottle.refusal(claim);
            }
            passwords.matches(password, null);
            throw LoginAttempts.invalidCredentials();
        }
        Tokens tokens = TenantContext.callAs(
                tenant.getId(), () -> attempts.attempt(tenant.getSlug(), normalised, password, claim));
        throttle.signedIn(slug, normalised, address);
        return tokens;
    }

    public Tokens refresh(String refreshToken) {
        checkAddressLimit(clientAddress());
        UUID tenantId = Sessions.tenantOf(refreshToken).orElseThrow(SignIn::invalidRefresh);
        Tenant tenant = tenants.findById(tenantId).filter(Tenant::isActive).orElseThrow(SignIn::invalidRefresh);
        return TenantContext.callAs(tenantId, () -> attempts.refresh(tenant.getSlug(), refreshToken));
    }

    public void logout(String refreshToken) {
        UUID tenantId = Sessions.tenantOf(refreshToken).orElseThrow(SignIn::invalidRefresh);
        TenantContext.runAs(tenantId, () -> attempts.logout(refreshToken));
    }

    void checkAddressLimit(String address) {
        if (address == null) {
            return;
        }
        limiter.tryAcquire(RateLimit.LOGINS_PER_ADDRESS, address).ifPresent(wait -> {
            throw Problem.tooManyRequests(
                    "too-many-attempts",
                    "Too many attempts",
                    "Too many sign-in attempts from your address; try again after the time in Retry-After",
                    wait);
        });
    }

    private static String clientAddress() {
        return RequestContext.metadata().map(RequestMetadata::ipAddress).orElse(null);
    }

    static Problem invalidRefresh() {
        return Problem.unauthorized("invalid-refresh-token", "The refresh token is not valid; sign in again");
    }
}
