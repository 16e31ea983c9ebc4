package io.salesflow.identity;

import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login sessions and their rotating refresh tokens. A refresh token reads {@code <tenant id>.<secret>}:
 * the tenant part lets us find it under row-level security, and only its SHA-256 hash is stored.
 */
@Component
class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final AuthProperties properties;
    private final Clock clock;

    Sessions(JdbcTemplate jdbc, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    record Refresh(
            UUID id,
            UUID sessionId,
            UUID userId,
            Instant expiresAt,
            Instant rotatedAt,
            Instant sessionRevokedAt,
            Instant sessionExpiresAt) {}

    @Transactional(propagation = Propagation.MANDATORY)
    UUID open(UUID tenantId, UUID userId) {
        UUID id = UUID.randomUUID();
        Optional<RequestMetadata> request = RequestContext.metadata();
        jdbc.update(
                """
                INSERT INTO auth_sessions (tenant_id, id, user_id, expires_at, ip_address, user_agent)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                tenantId,
                id,
                userId,
                Timestamp.from(clock.instant().plus(properties.refreshTokenTtl())),
                request.map(RequestMetadata::ipAddress).orElse(null),
                request.map(RequestMetadata::userAgent).orElse(null));
        return id;
    }

    /** A new refresh token in the session; the plain token is returned once and never stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    String newRefreshToken(UUID tenantId, UUID sessionId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = tenantId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO refresh_tokens (tenant_id, id, session_id, token_hash, expires_at) VALUES (?, ?, ?, ?, ?)",
                tenantId,
                UUID.randomUUID(),
                sessionId,
                hash(token),
                Timestamp.from(clock.instant().plus(properties.refreshTokenTtl())));
        return token;
    }

    /** The tenant a refresh token claims to belong to, if it has the right shape. */
    static Optional<UUID> tenantOf(String refreshToken) {
        if (refreshToken == null) {
            return Optional.empty();
        }
        int dot = refreshToken.indexOf('.');
        if (dot != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(refreshToken.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Refresh> findForUpdate(String refreshToken) {
        List<Refresh> found = jdbc.query(
                """
                SELECT r.id, r.session_id, s.user_id, r.expires_at, r.rotated_at, s.revoked_at, s.expires_at
                FROM refresh_tokens r JOIN auth_sessions s ON s.tenant_id = r.tenant_id AND s.id = r.session_id
                WHERE r.token_hash = ?
                FOR UPDATE OF r, s
                """,
                (rs, i) -> new Refresh(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getTimestamp(7).toInstant()),
                hash(refreshToken));
        return found.stream().findFirst();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markRotated(UUID refreshId) {
        jdbc.update(
                "UPDATE refresh_tokens SET rotated_at = ? WHERE id = ?", Timestamp.from(clock.instant()), refreshId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revoke(UUID sessionId, String reason) {
        jdbc.update(
                "UPDATE auth_sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()),
                reason,
                sessionId);
    }

    /** Ends every open session of a user. */
    @Transactional(propagation = Propagation.MANDATORY)
    void revokeAllOf(UUID userId, String reason) {
        jdbc.update(
                "UPDATE auth_sessions SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()),
                reason,
                userId);
    }

    /** Ends every open session of a user but {@code keep}; how many ended. */
    @Transactional(propagation = Propagation.MANDATORY)
    int revokeAllOfExcept(UUID userId, UUID keep, String reason) {
        return jdbc.update(
                "UPDATE auth_sessions SET revoked_at = ?, revoked_reason = ?"
                        + " WHERE user_id = ? AND id <> ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()),
                reason,
                userId,
                keep);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
