package io.salesflow.identity;

import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores every login attempt and security event with who, from where and how it ended. */
@Component
class SecurityEvents {

    enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOGIN_THROTTLED,
        ACCOUNT_THROTTLED,
        TOKEN_REFRESHED,
        REFRESH_TOKEN_REUSED,
        REFRESH_FAILED,
        LOGGED_OUT,
        SIGNED_OUT_EVERYWHERE,
        PASSWORD_CHANGED,
        PASSWORD_CHANGE_FAILED,
        API_KEY_CREATED,
        API_KEY_REVOKED,
        API_KEY_REJECTED,
        /** A call to a public callback (a vendor's webhook) without a valid signature. */
        CALLBACK_REJECTED,
        /** A call to an inbound webhook endpoint refused: forged, stale, duplicate, oversized, unknown. */
        WEBHOOK_REFUSED
    }

    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

    private final JdbcTemplate jdbc;

    SecurityEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void record(Type type, boolean success, UUID userId, String email, String detail) {
        log.info(
                "Security event {} {} user={} email={} {}",
                type,
                success ? "SUCCESS" : "FAILURE",
                userId,
                email,
                detail == null ? "" : detail);
        Optional<RequestMetadata> request = RequestContext.metadata();
        jdbc.update(
                """
                INSERT INTO security_events (tenant_id, event_type, outcome, user_id, email, ip_address, user_agent,
                                             detail, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                TenantContext.require(),
                type.name(),
                success ? "SUCCESS" : "FAILURE",
                userId,
                email,
                request.map(RequestMetadata::ipAddress).orElse(null),
                request.map(RequestMetadata::userAgent).orElse(null),
                detail,
                request.map(RequestMetadata::requestId).orElse(null));
    }

    /** An attempt against a workspace that does not exist: kept without tenant data. */
    @Transactional
    void recordUnattributed(Type type, String tenantSlug, String email) {
        Optional<RequestMetadata> request = RequestContext.metadata();
        jdbc.update(
                """
                INSERT INTO unattributed_security_events (event_type, tenant_slug, email, ip_address, user_agent,
                                                          request_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                type.name(),
                truncate(tenantSlug),
                truncate(email),
                request.map(RequestMetadata::ipAddress).orElse(null),
                request.map(RequestMetadata::userAgent).orElse(null),
                request.map(RequestMetadata::requestId).orElse(null));
    }

    /** Events of the current tenant older than {@code beforeId} (all when null), newest first. */
    @Transactional(readOnly = true)
    List<SecurityEventView> page(Long beforeId, UUID userId, int limit) {
        return jdbc.query(
                """
                SELECT id, occurred_at, event_type, outcome, user_id, email, ip_address, user_agent, detail, request_id
                FROM security_events
                WHERE (?::bigint IS NULL OR id < ?) AND (?::uuid IS NULL OR user_id = ?)
                ORDER BY id DESC LIMIT ?
                """,
                (rs, i) -> new SecurityEventView(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)),
                beforeId,
                beforeId,
                userId,
                userId,
                limit);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 256 ? value : value.substring(0, 256);
    }
}
