package io.salesflow.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.platform.database.TransactionBatch;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.tenancy.TenantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps, for every field a change touched, what it was and what it became, in the transaction of the change. */
@Component
public class FieldHistory {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    FieldHistory(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public record Change(
            long id,
            String field,
            JsonNode before,
            JsonNode after,
            String actorType,
            UUID actorId,
            Instant changedAt,
            String requestId) {}

    /** Records each field whose value differs between the two snapshots; a null snapshot means none yet / gone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, UUID recordId, Map<String, ?> before, Map<String, ?> after) {
        TreeSet<String> fields = new TreeSet<>();
        if (before != null) {
            fields.addAll(before.keySet());
        }
        if (after != null) {
            fields.addAll(after.keySet());
        }
        RequestContext.Actor actor = RequestContext.actor();
        UUID tenant = TenantContext.require();
        String requestId = RequestContext.requestId();
        List<Object[]> rows = new ArrayList<>();
        for (String field : fields) {
            String was = json(before == null ? null : before.get(field));
            String is = json(after == null ? null : after.get(field));
            if (!Objects.equals(was, is)) {
                rows.add(new Object[] {
                    tenant, recordType, recordId, field, was, is, actor.type().name(), actor.id(), requestId
                });
            }
        }
        // One batch per change rather than a statement per field; bulk work may defer it to its commit.
        TransactionBatch.insert(
                jdbc,
                """
                INSERT INTO record_history (tenant_id, record_type, record_id, field, before_value, after_value,
                                            actor_type, actor_id, request_id)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                """,
                rows);
    }

    /** Changes of one record, newest first, older than {@code beforeId} when given. */
    @Transactional(readOnly = true)
    public List<Change> of(String recordType, UUID recordId, Long beforeId, int limit) {
        return jdbc.query(
                """
                SELECT id, field, before_value::text, after_value::text, actor_type, actor_id, changed_at, request_id
                FROM record_history
                WHERE record_type = ? AND record_id = ? AND (?::bigint IS NULL OR id < ?)
                ORDER BY id DESC LIMIT ?
                """,
                (rs, n) -> new Change(
                        rs.getLong(1),
                        rs.getString(2),
                        tree(rs.getString(3)),
                        tree(rs.getString(4)),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8)),
                recordType,
                recordId,
                beforeId,
                beforeId,
                limit);
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
