package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of signing in that touch one tenant's data: checking the password (once per attempt the
 * {@link LoginThrottle} let through), recording the outcome, opening the session, rotating refresh tokens and
 * spotting a reused one.
 */
@Component
class LoginAttempts {

    private final UserRepository users;
    private final PasswordChecks passwords;
    private final SecurityEvents events;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final AuthProperties properties;
    private final Clock clock;

    LoginAttempts(
            UserRepository users,
            PasswordChecks passwords,
            SecurityEvents events,
            Sessions sessions,
            AccessTokens accessTokens,
            AuthProperties properties,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    static Problem invalidCredentials() {
        return Problem.unauthorized("invalid-credentials", "Workspace, email or password is not correct");
    }

    /**
     * One attempt with a normalised email. Unknown users, wrong passwords and deactivated users get the same
     * answer after the same single password check; a refused claim gets its 429 with no check at all.
     */
    @Transactional(noRollbackFor = Problem.class)
    SessionTokens attempt(String tenantSlug, String email, String password, LoginThrottle.Claim claim) {
        User user = users.findByEmailForLogin(email).orElse(null);
        UUID userId = user == null ? null : user.getId();
        if (claim.refused()) {
            events.record(
                    SecurityEvents.Type.LOGIN_THROTTLED,
                    false,
                    userId,
                    email,
                    "next attempt checked in " + Problem.retryAfterSeconds(claim.retryAfter()) + " s");
            throw LoginThrottle.refusal(claim);
        }
        boolean passwordOk = passwords.matches(password, user == null ? null : user.getPasswordHash());
        String failure = user == null
                ? "unknown user"
                : !passwordOk ? "wrong password" : user.getStatus() != UserStatus.ACTIVE ? "deactivated" : null;
        if (failure != null) {
            events.record(SecurityEvents.Type.LOGIN_FAILED, false, userId, email, failure);
            if (claim.accountWaitBegan()) {
                events.record(
                        SecurityEvents.Type.ACCOUNT_THROTTLED,
                        false,
                        userId,
                        email,
                        properties.failedLoginsPerAccount()
                                + " failed sign-ins from all addresses: addresses that never signed in wait");
            }
            throw invalidCredentials();
        }
        events.record(SecurityEvents.Type.LOGIN_SUCCEEDED, true, user.getId(), email, null);
        return issue(user, tenantSlug, sessions.open(user.getTenantId(), user.getId()), null);
    }

    /**
     * Rotates a refresh token: it stops working and a new one is issued. A token presented again after its
     * rotation revokes its session (someone else may hold a copy), unless it comes within {@code reuseGrace} of the
     * rotation: then it is answered once more with its own new successor. Browser tabs share one refresh cookie and
     * may refresh at the same moment; the later one, queued on the row lock, sees the token rotated. Answering it
     * with a successor of its own (the plain successor of the first is not kept, only its hash) keeps both tabs
     * signed in, and gives a thief no more than the stolen token itself would have before its rotation.
     */
    @Transactional(noRollbackFor = Problem.class)
    SessionTokens refresh(String tenantSlug, String refreshToken, Duration reuseGrace) {
        Sessions.Refresh refresh = sessions.findForUpdate(refreshToken).orElse(null);
        if (refresh == null) {
            events.record(SecurityEvents.Type.REFRESH_FAILED, false, null, null, "unknown refresh token");
            throw SignIn.invalidRefresh();
        }
        Instant now = clock.instant();
        boolean rotated = refresh.rotatedAt() != null;
        if (rotated && !refresh.rotatedAt().plus(reuseGrace).isAfter(now)) {
            sessions.revoke(refresh.sessionId(), "refresh token reused");
            events.record(
                    SecurityEvents.Type.REFRESH_TOKEN_REUSED,
                    false,
                    refresh.userId(),
                    null,
                    "session " + refresh.sessionId() + " revoked");
            throw Problem.unauthorized(
                    "refresh-token-reused",
                    "This refresh token was already used; the session is revoked for safety. Sign in again.");
        }
        if (refresh.sessionRevokedAt() != null
                || !refresh.expiresAt().isAfter(now)
                || !refresh.sessionExpiresAt().isAfter(now)) {
            events.record(SecurityEvents.Type.REFRESH_FAILED, false, refresh.userId(), null, "revoked or expired");
            throw SignIn.invalidRefresh();
        }
        User user = users.findById(refresh.userId())
                .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                .orElseThrow(SignIn::invalidRefresh);
        if (!rotated) {
            sessions.markRotated(refresh.id());
        }
        events.record(
                SecurityEvents.Type.TOKEN_REFRESHED,
                true,
                user.getId(),
                user.getEmail(),
                rotated ? "again within " + reuseGrace.toSeconds() + " s of its rotation" : null);
        return issue(user, tenantSlug, refresh.sessionId(), refresh.sessionExpiresAt());
    }

    @Transactional(noRollbackFor = Problem.class)
    void logout(String refreshToken) {
        Sessions.Refresh refresh = sessions.findForUpdate(refreshToken).orElseThrow(SignIn::invalidRefresh);
        sessions.revoke(refresh.sessionId(), "logout");
        events.record(SecurityEvents.Type.LOGGED_OUT, true, refresh.userId(), null, null);
    }

    /** Ends every session of a user: their refresh tokens and, at their next request, their access tokens. */
    @Transactional
    void endAll(UUID userId) {
        sessions.revokeAllOf(userId, "signed out everywhere");
        events.record(SecurityEvents.Type.SIGNED_OUT_EVERYWHERE, true, userId, null, null);
    }

    /** Tokens for a session; {@code sessionEndsAt} is null for one just opened, which lives the full lifetime. */
    private SessionTokens issue(User user, String tenantSlug, UUID sessionId, Instant sessionEndsAt) {
        AccessTokens.Issued access = accessTokens.issue(user.getId(), user.getTenantId(), tenantSlug, sessionId);
        String refreshToken = sessions.newRefreshToken(user.getTenantId(), sessionId);
        Duration refreshLifetime = properties.refreshTokenTtl();
        if (sessionEndsAt != null) {
            Duration left = Duration.between(clock.instant(), sessionEndsAt);
            refreshLifetime = left.compareTo(refreshLifetime) < 0 ? left : refreshLifetime;
        }
        return new SessionTokens(
                access.token(),
                "Bearer",
                properties.accessTokenTtl().toSeconds(),
                access.expiresAt(),
                refreshToken,
                refreshLifetime.toSeconds());
    }
}
