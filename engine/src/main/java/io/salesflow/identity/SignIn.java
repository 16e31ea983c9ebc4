package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Login, refresh and logout, for API clients that keep their refresh token and for browser sessions whose refresh
 * token lives in a cookie (docs/architecture.md, "Identity and access"). Each client address has a cap on attempts across all accounts (password
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
    private final AuthProperties properties;

    SignIn(
            Tenants tenants,
            LoginAttempts attempts,
            SecurityEvents events,
            RateLimiter limiter,
            LoginThrottle throttle,
            PasswordChecks passwords,
            AuthProperties properties) {
        this.tenants = tenants;
        this.attempts = attempts;
        this.events = events;
        this.limiter = limiter;
        this.throttle = throttle;
        this.passwords = passwords;
        this.properties = properties;
    }

    public Tokens login(String tenantSlug, String email, String password) {
        return startSession(tenantSlug, email, password).tokens();
    }

    /** A login whose refresh token the caller keeps out of the page's reach (a browser's HttpOnly cookie). */
    public SessionTokens startSession(String tenantSlug, String email, String password) {
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
        SessionTokens tokens = TenantContext.callAs(
                tenant.getId(), () -> attempts.attempt(tenant.getSlug(), normalised, password, claim));
        throttle.signedIn(slug, normalised, address);
        return tokens;
    }

    /** Strict rotation: an API client is one process, so a second use of a refresh token means a copy. */
    public Tokens refresh(String refreshToken) {
        return rotate(refreshToken, Duration.ZERO).tokens();
    }

    /**
     * Rotation of a browser session's cookie, which the browser's tabs share: a use again within the grace after
     * its rotation is two tabs refreshing at once, not a copy ({@link LoginAttempts#refresh}).
     */
    public SessionTokens refreshSession(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw Problem.unauthorized("no-session", "This browser holds no session; sign in");
        }
        return rotate(refreshToken, properties.sessionRefreshGrace());
    }

    private SessionTokens rotate(String refreshToken, Duration reuseGrace) {
        checkAddressLimit(clientAddress());
        UUID tenantId = Sessions.tenantOf(refreshToken).orElseThrow(SignIn::invalidRefresh);
        Tenant tenant = tenants.findById(tenantId).filter(Tenant::isActive).orElseThrow(SignIn::invalidRefresh);
        return TenantContext.callAs(tenantId, () -> attempts.refresh(tenant.getSlug(), refreshToken, reuseGrace));
    }

    public void logout(String refreshToken) {
        UUID tenantId = Sessions.tenantOf(refreshToken).orElseThrow(SignIn::invalidRefresh);
        TenantContext.runAs(tenantId, () -> attempts.logout(refreshToken));
    }

    /** Ends a browser's session if its cookie names one; signing out of a session that is gone already is done. */
    public void endSession(String refreshToken) {
        try {
            logout(refreshToken);
        } catch (Problem alreadyGone) {
            // an unknown, malformed or foreign-tenant token: nothing of ours to end
        }
    }

    /**
     * Signs the calling user out everywhere: every session ends, with its refresh tokens and access tokens. An API
     * key has no sessions, and must not end its creator's.
     */
    public void endAllSessions() {
        Caller caller = Caller.require();
        if (caller.kind() != Caller.Kind.USER) {
            throw Problem.forbidden("Only a signed-in user ends their sessions; an API key has none");
        }
        attempts.endAll(caller.userId());
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
