package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller of a workspace user's access token: whether the workspace is active, whether the token's session still
 * stands and the workspace's identity version come from one query per request, and the caller from
 * {@link CallerCache} while that version holds.
 */
@Component
class SessionCallers {

    private final JdbcTemplate jdbc;
    private final CallerCache callers;

    SessionCallers(JdbcTemplate jdbc, CallerCache callers) {
        this.jdbc = jdbc;
        this.callers = callers;
    }

    private record Standing(boolean tenantActive, boolean sessionActive, long identityVersion) {}

    /** Runs in the token's tenant ({@code TenantContext}); refuses a suspended workspace, a gone user, an ended session. */
    @Transactional(readOnly = true)
    Caller caller(AccessTokens.Claims claims) {
        List<Standing> found = jdbc.query(
                """
                SELECT t.status = 'ACTIVE',
                       EXISTS (SELECT 1 FROM auth_sessions s
                               WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > now()),
                       COALESCE((SELECT v.version FROM identity_versions v WHERE v.tenant_id = t.id), 0)
                FROM tenants t WHERE t.id = ?
                """,
                (rs, i) -> new Standing(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3)),
                claims.sessionId(),
                claims.tenantId());
        if (found.isEmpty() || !found.get(0).tenantActive()) {
            throw Problem.unauthorized("invalid-token", "The token's workspace does not exist or is suspended");
        }
        Standing standing = found.get(0);
        Caller caller = callers.forUser(
                        claims.tenantId(),
                        claims.userId(),
                        claims.tenantSlug(),
                        claims.sessionId(),
                        standing.identityVersion())
                .orElseThrow(() -> Problem.unauthorized(
                        "invalid-token", "The token's user does not exist in its workspace or is deactivated"));
        if (!standing.sessionActive()) {
            throw Problem.unauthorized("session-revoked", "The session of this token has ended; sign in again");
        }
        return caller;
    }
}
