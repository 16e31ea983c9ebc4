package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of signing in that touch one tenant's data: checking the password, counting failures toward
 * a lockout, opening the session, rotating refresh tokens and spotting a reused one.
 */
@Component
class LoginAttempts {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SecurityEvents events;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final AuthProperties properties;
    private final Clock clock;
    private final String dummyHash;

    LoginAttempts(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            SecurityEvents events,
            Sessions sessions,
            AccessTokens accessTokens,
            AuthProperties properties,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("not-a-real-password-" + System.nanoTime());
    }

    static Problem invalidCredentials() {
        return Problem.unauthorized("invalid-credentials", "Workspace, email or password is not correct");
    }

    /** Spends the time of a password check, so unknown accounts answer as slowly as known ones. */
    void burnPasswordCheck(String password) {
        passwordEncoder.matches(password, dummyHash);
    }

    @Transactional(noRollbackFor = Problem.class)
    Tokens attempt(String tenantSlug, String email, String password) {
        String normalised = User.normalise(email);
        Optional<User> found = users.findByEmailForLogin(normalised);
        if (found.isEmpty()) {
            burnPasswordCheck(password);
            events.record(SecurityEvents.Type.LOGIN_FAILED, false, null, normalised, "unknown user");
            throw invalidCredentials();
        }
        User user = found.get();
        Instant now = clock.instant();
        if (user.isLockedAt(now)) {
            events.record(SecurityEvents.Type.LOGIN_REFUSED_LOCKED, false, user.getId(), normalised, null);
            throw locked(user.getLockedUntil());
        }
        boolean passwordOk =
                user.getPasswordHash() != null && passwordEncoder.matches(password, user.getPasswordHash());
        if (!passwordOk || user.getStatus() != UserStatus.ACTIVE) {
            if (!passwordOk) {
                events.record(SecurityEvents.Type.LOGIN_FAILED, false, user.getId(), normalised, "wrong password");
                lockIfTooManyFailures(user, now);
            } else {
                events.record(SecurityEvents.Type.LOGIN_FAILED, false, user.getId(), normalised, "deactivated");
            }
            throw invalidCredentials();
        }
        events.record(SecurityEvents.Type.LOGIN_SUCCEEDED, true, user.getId(), normalised, null);
        return issue(user, tenantSlug, sessions.open(user.getTenantId(), user.getId()));
    }

    private void lockIfTooManyFailures(User user, Instant now) {
        Instant since = now.minus(properties.failedLoginWindow());
        for (Instant reset : List.of(
                events.lastSuccess(user.getId()).orElse(Instant.EPOCH),
                user.getLockedUntil() == null ? Instant.EPOCH : user.getLockedUntil())) {
            if (reset.isAfter(since)) {
                since = reset;
            }
        }
        if (events.failuresSince(user.getId(), since) >= properties.maxFailedLogins()) {
            Instant until = now.plus(properties.lockoutDuration());
            user.lockUntil(until);
            users.saveAndFlush(user);
            events.record(SecurityEvents.Type.ACCOUNT_LOCKED, true, user.getId(), user.getEmail(), "until " + until);
            throw locked(until);
        }
    }

    private static Problem locked(Instant until) {
        return new Problem(
                        423,
                        "account-locked",
                        "Account locked",
                        "Too many failed logins: the account is locked until " + until
                                + ". Try again then, or ask an administrator to unlock it.")
                .with("lockedUntil", until.toString());
    }

    @Transactional(noRollbackFor = Problem.class)
    Tokens refresh(String tenantSlug, String refreshToken) {
        Sessions.Refresh refresh = sessions.findForUpdate(refreshToken).orElse(null);
        if (refresh == null) {
            events.record(SecurityEvents.Type.REFRESH_FAILED, false, null, null, "unknown refresh token");
            throw SignIn.invalidRefresh();
        }
        if (refresh.rotatedAt() != null) {
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
                || !refresh.expiresAt().isAfter(clock.instant())
                || !refresh.sessionExpiresAt().isAfter(clock.instant())) {
            events.record(SecurityEvents.Type.REFRESH_FAILED, false, refresh.userId(), null, "revoked or expired");
            throw SignIn.invalidRefresh();
        }
        User user = users.findById(refresh.userId())
                .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                .orElseThrow(SignIn::invalidRefresh);
        sessions.markRotated(refresh.id());
        events.record(SecurityEvents.Type.TOKEN_REFRESHED, true, user.getId(), user.getEmail(), null);
        return issue(user, tenantSlug, refresh.sessionId());
    }

    @Transactional(noRollbackFor = Problem.class)
    void logout(String refreshToken) {
        Sessions.Refresh refresh = sessions.findForUpdate(refreshToken).orElseThrow(SignIn::invalidRefresh);
        sessions.revoke(refresh.sessionId(), "logout");
        events.record(SecurityEvents.Type.LOGGED_OUT, true, refresh.userId(), null, null);
    }

    private Tokens issue(User user, String tenantSlug, java.util.UUID sessionId) {
        AccessTokens.Issued access = accessTokens.issue(user.getId(), user.getTenantId(), tenantSlug, sessionId);
        String refreshToken = sessions.newRefreshToken(user.getTenantId(), sessionId);
        return new Tokens(
                access.token(),
                refreshToken,
                "Bearer",
                properties.accessTokenTtl().toSeconds());
    }
}
