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

/** The deliveries to the current tenant's endpoints. */
@Component
class InboundEventStore {

    /** An event as the worker needs it. */
    record Stored(UUID id, UUID endpointId, String status, String contentType, byte[] payload) {}

    private static final String VIEW_COLUMNS =
            "id, event_key, key_source, received_at, status, attempts, error, result, processed_at";

    private final JdbcTemplate jdbc;

    InboundEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a delivery unless the endpoint has one with the same key; the new event's id, or empty for a duplicate. */
    Optional<UUID> insertUnlessSeen(
            UUID endpointId, String key, String keySource, String contentType, byte[] payload, Instant at) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update(
                """
                INSERT INTO inbound_webhook_events (id, endpoint_id, event_key, key_source, received_at, content_type,
                                                    payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, endpoint_id, event_key) DO NOTHING
                """,
                id,
                endpointId,
                key,
                keySource,
                Timestamp.from(at),
                contentType,
                payload);
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    Optional<UUID> idOf(UUID endpointId, String key) {
        return jdbc
                .queryForList(
                        "SELECT id FROM inbound_webhook_events WHERE endpoint_id = ? AND event_key = ?",
                        UUID.class,
                        endpointId,
                        key)
                .stream()
                .findFirst();
    }

    /** The event, locked until the transaction ends so two workers never map it both. */
    Optional<Stored> lock(UUID id) {
        return jdbc
                .query(
                        "SELECT id, endpoint_id, status, content_type, payload FROM inbound_webhook_events"
                                + " WHERE id = ? FOR UPDATE",
                        (rs, i) -> new Stored(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getBytes(5)),
                        id)
                .stream()
                .findFirst();
    }

    void processed(UUID id, String result, Instant at) {
        jdbc.update(
                "UPDATE inbound_webhook_events SET status = 'PROCESSED', result = ?, error = NULL,"
                        + " attempts = attempts + 1, processed_at = ? WHERE id = ?",
                result,
                Timestamp.from(at),
                id);
    }

    void failed(UUID id, String error, Instant at) {
        jdbc.update(
                "UPDATE inbound_webhook_events SET status = 'FAILED', error = ?, attempts = attempts + 1,"
                        + " processed_at = ? WHERE id = ? AND status = 'RECEIVED'",
                truncate(error),
                Timestamp.from(at),
                id);
    }

    /** An attempt that failed for a reason that may pass (the event stays received and is tried again). */
    void attemptFailed(UUID id, String error) {
        jdbc.update(
                "UPDATE inbound_webhook_events SET error = ?, attempts = attempts + 1 WHERE id = ? AND status = 'RECEIVED'",
                truncate(error),
                id);
    }

    /** Puts a failed event back to received, for another try; whether it was failed. */
    boolean reopen(UUID endpointId, UUID id) {
        return jdbc.update(
                        "UPDATE inbound_webhook_events SET status = 'RECEIVED', processed_at = NULL"
                                + " WHERE id = ? AND endpoint_id = ? AND status = 'FAILED'",
                        id,
                        endpointId)
                == 1;
    }

    Optional<InboundEventView> view(UUID endpointId, UUID id) {
        return jdbc
                .query(
                        "SELECT " + VIEW_COLUMNS + " FROM inbound_webhook_events WHERE id = ? AND endpoint_id = ?",
                        this::view,
                        id,
                        endpointId)
                .stream()
                .findFirst();
    }

    /** A page of an endpoint's events, newest first, after the event {@code (beforeAt, beforeId)} when given. */
    List<InboundEventView> page(UUID endpointId, String status, Instant beforeAt, UUID beforeId, int limit) {
        return jdbc.query(
                "SELECT " + VIEW_COLUMNS + " FROM inbound_webhook_events WHERE endpoint_id = ?"
                        + " AND (?::text IS NULL OR status = ?)"
                        + " AND (?::timestamptz IS NULL OR (received_at, id) < (?::timestamptz, ?::uuid))"
                        + " ORDER BY received_at DESC, id DESC LIMIT ?",
                this::view,
                endpointId,
                status,
                status,
                beforeAt == null ? null : Timestamp.from(beforeAt),
                beforeAt == null ? null : Timestamp.from(beforeAt),
                beforeId,
                limit);
    }

    /** Removes up to {@code batch} settled events received before {@code before}; how many it removed. */
    int purgeSettled(Instant before, int batch) {
        return jdbc.update(
                "DELETE FROM inbound_webhook_events WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM"
                        + " inbound_webhook_events WHERE status <> 'RECEIVED' AND received_at < ? ORDER BY received_at"
                        + " LIMIT ?)",
                Timestamp.from(before),
                batch);
    }

    private InboundEventView view(ResultSet rs, int i) throws SQLException {
        Timestamp processed = rs.getTimestamp(9);
        return new InboundEventView(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5).toLowerCase(java.util.Locale.ROOT),
                rs.getInt(6),
                rs.getString(7),
                rs.getString(8),
                processed == null ? null : processed.toInstant());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
