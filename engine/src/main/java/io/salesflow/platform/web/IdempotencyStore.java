package io.salesflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotency records, each step in its own short transaction so that a second request sees the
 * first one's claim at once, whatever the first one's own transaction does.
 */
@Component
class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ApiProperties properties;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, ObjectMapper objectMapper, ApiProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.properties = properties;
        this.clock = clock;
    }

    record Existing(String requestHash, boolean completed, int status, Map<String, String> headers, byte[] body) {}

    /** Claims the key for this request; empty if claimed, else what is stored under it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Existing> claim(UUID tenant, String caller, String key, String method, String path, String hash) {
        Instant now = clock.instant();
        jdbc.update(
                "DELETE FROM idempotency_keys WHERE caller = ? AND idempotency_key = ? AND expires_at < ?",
                caller,
                key,
                Timestamp.from(now));
        int inserted = jdbc.update(
                """
                INSERT INTO idempotency_keys (tenant_id, caller, idempotency_key, request_method, request_path,
                                              request_hash, status, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?)
                ON CONFLICT DO NOTHING
                """,
                tenant,
                caller,
                key,
                method,
                path,
                hash,
                Timestamp.from(now.plus(properties.idempotencyRetention())));
        if (inserted == 1) {
            return Optional.empty();
        }
        List<Existing> existing = jdbc.query(
                """
                SELECT request_hash, status, response_status, response_headers, response_body
                FROM idempotency_keys WHERE caller = ? AND idempotency_key = ?
                """,
                (rs, i) -> new Existing(
                        rs.getString(1),
                        "COMPLETED".equals(rs.getString(2)),
                        rs.getInt(3),
                        headers(rs.getString(4)),
                        rs.getBytes(5)),
                caller,
                key);
        // Gone between our insert and read (expired and purged): claim it again on the next attempt.
        return existing.stream().findFirst().or(() -> Optional.of(new Existing(hash, false, 0, Map.of(), null)));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void complete(String caller, String key, int status, Map<String, String> headers, byte[] body) {
        jdbc.update(
                """
                UPDATE idempotency_keys
                SET status = 'COMPLETED', response_status = ?, response_headers = ?::jsonb, response_body = ?,
                    completed_at = ?
                WHERE caller = ? AND idempotency_key = ?
                """,
                status,
                json(headers),
                body,
                Timestamp.from(clock.instant()),
                caller,
                key);
    }

    /** Forgets a claim whose request failed on our side, so the client may retry with the same key. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(String caller, String key) {
        jdbc.update("DELETE FROM idempotency_keys WHERE caller = ? AND idempotency_key = ?", caller, key);
    }

    /** Removes expired records of the current tenant. */
    @Transactional
    int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_keys WHERE expires_at < ?", Timestamp.from(clock.instant()));
    }

    private String json(Map<String, String> headers) {
        try {
            return objectMapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
