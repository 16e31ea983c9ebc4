package io.salesflow.identity;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user changes their own password. The current password comes first, so an unlocked screen left
 * alone or a stolen access token cannot take the account over; wrong guesses count against the same throttle as
 * sign-in, and each is a security event. Every other session of the user ends: whoever held one signs in again
 * with the new password. The session that made the change stays, so the person at the keyboard is not thrown out.
 */
@Service
public class PasswordChanges {

    private final UserRepository users;
    private final PasswordChecks passwords;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final Sessions sessions;
    private final AuditLog audit;

    PasswordChanges(
            UserRepository users,
            PasswordChecks passwords,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            SecurityEvents events,
            Sessions sessions,
            AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.encoder = encoder;
        this.throttle = throttle;
        this.events = events;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The refusals keep their security events: nothing else is written before the current password holds. */
    @Transactional(noRollbackFor = Problem.class)
    public void changeOwn(String currentPassword, String newPassword) {
        Caller caller = Caller.require();
        if (caller.kind() != Caller.Kind.USER || caller.sessionId() == null) {
            throw Problem.forbidden("Only a signed-in person changes their own password; an API key has none");
        }
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw Problem.invalid("currentPassword", "must not be empty");
        }
        User user = users.findById(caller.userId()).orElseThrow(() -> Problem.notFound("User", caller.userId()));
        PasswordPolicy.check("newPassword", newPassword, user.getEmail());
        String address =
                RequestContext.metadata().map(RequestMetadata::ipAddress).orElse(null);
        LoginThrottle.Claim claim = throttle.claim(caller.tenantSlug(), user.getEmail(), address);
        if (claim.refused()) {
            events.record(SecurityEvents.Type.LOGIN_THROTTLED, false, user.getId(), user.getEmail(), "password change");
            throw LoginThrottle.refusal(claim);
        }
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            events.record(
                    SecurityEvents.Type.PASSWORD_CHANGE_FAILED,
                    false,
                    user.getId(),
                    user.getEmail(),
                    "wrong current password");
            throw Problem.invalid("currentPassword", "is not your current password");
        }
        throttle.signedIn(caller.tenantSlug(), user.getEmail(), address);
        if (newPassword.equals(currentPassword)) {
            throw Problem.invalid("newPassword", "must differ from your current password");
        }
        user.changePasswordHash(encoder.encode(newPassword));
        users.saveAndFlush(user);
        int ended = sessions.revokeAllOfExcept(user.getId(), caller.sessionId(), "password changed");
        events.record(
                SecurityEvents.Type.PASSWORD_CHANGED,
                true,
                user.getId(),
                user.getEmail(),
                ended + " other session(s) ended");
        audit.record("user.password_changed", "user", user.getId(), null, Map.of("otherSessionsEnded", ended));
    }
}
