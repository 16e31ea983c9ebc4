package io.salesflow.hooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The endpoints of the current tenant (row-level security keeps the others out). */
@Component
class InboundEndpointStore {

    private static final String COLUMNS = "tenant_id, id, slug, name, scheme, secret, previous_secret,"
            + " previous_secret_until, verify_token, action, mapping::text, enabled, created_by, created_at, updated_at";

    private final JdbcTemplate jdbc;

    InboundEndpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(InboundEndpoint e) {
        jdbc.update(
                """
                INSERT INTO inbound_webhook_endpoints (id, slug, name, scheme, secret, verify_token, action, mapping,
                                                       enabled, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                """,
                e.id(),
                e.slug(),
                e.name(),
                e.scheme().code(),
                e.secret(),
                e.verifyToken(),
                e.action(),
                e.mapping(),
                e.enabled(),
                e.createdBy(),
                Timestamp.from(e.createdAt()),
                Timestamp.from(e.updatedAt()));
    }

    boolean slugTaken(String slug) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM inbound_webhook_endpoints WHERE slug = ?)", Boolean.class, slug));
    }

    int count() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM inbound_webhook_endpoints", Integer.class);
        return n == null ? 0 : n;
    }

    void update(UUID id, String name, String action, String mapping, boolean enabled, Instant at) {
        jdbc.update(
                "UPDATE inbound_webhook_endpoints SET name = ?, action = ?, mapping = ?::jsonb, enabled = ?,"
                        + " updated_at = ? WHERE id = ?",
                name,
                action,
                mapping,
                enabled,
                Timestamp.from(at),
                id);
    }

    void rotate(UUID id, byte[] secret, byte[] previous, Instant previousUntil, Instant at) {
        jdbc.update(
                "UPDATE inbound_webhook_endpoints SET secret = ?, previous_secret = ?, previous_secret_until = ?,"
                        + " secret_rotated_at = ?, updated_at = ? WHERE id = ?",
                secret,
                previous,
                previousUntil == null ? null : Timestamp.from(previousUntil),
                Timestamp.from(at),
                Timestamp.from(at),
                id);
    }

    void replaceVerifyToken(UUID id, byte[] token) {
        jdbc.update("UPDATE inbound_webhook_endpoints SET verify_token = ? WHERE id = ?", token, id);
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM inbound_webhook_endpoints WHERE id = ?", id) == 1;
    }

    Optional<InboundEndpoint> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_webhook_endpoints WHERE id = ?", this::row, id).stream()
                .findFirst();
    }

    Optional<InboundEndpoint> findBySlug(String slug) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM inbound_webhook_endpoints WHERE slug = ?", this::row, slug)
                .stream()
                .findFirst();
    }

    /** The tenant's endpoints by slug; there are at most {@link InboundEndpoints#MAX_ENDPOINTS}. */
    List<InboundEndpoint> all() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM inbound_webhook_endpoints ORDER BY slug LIMIT "
                        + InboundEndpoints.MAX_ENDPOINTS,
                this::row);
    }

    private InboundEndpoint row(ResultSet rs, int i) throws SQLException {
        Timestamp until = rs.getTimestamp(8);
        return new InboundEndpoint(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                InboundScheme.of(rs.getString(5)).orElseThrow(),
                rs.getBytes(6),
                rs.getBytes(7),
                until == null ? null : until.toInstant(),
                rs.getBytes(9),
                rs.getString(10),
                rs.getString(11),
                rs.getBoolean(12),
                rs.getObject(13, UUID.class),
                rs.getTimestamp(14).toInstant(),
                rs.getTimestamp(15).toInstant());
    }
}
