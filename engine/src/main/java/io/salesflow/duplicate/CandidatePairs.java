package io.salesflow.duplicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.records.SqlPart;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The review queue's candidate pairs of the current tenant (row-level security scopes every statement). */
@Repository
class CandidatePairs {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    CandidatePairs(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** A pair as stored; {@code title}s are filled only where a query read them. */
    record Pair(
            UUID id,
            String recordType,
            UUID recordId,
            String recordTitle,
            UUID candidateId,
            String candidateTitle,
            double similarity,
            List<DuplicateReason> reasons,
            Instant foundAt,
            Instant dismissedAt) {}

    /** Keeps the pairs of {@code recordId} with each match's candidate, one batch, except those known already. */
    void addAll(UUID tenantId, String recordType, UUID recordId, List<DuplicateComparison.Match> matches) {
        if (matches.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(matches.size());
        for (DuplicateComparison.Match match : matches) {
            rows.add(new Object[] {
                tenantId,
                UUID.randomUUID(),
                recordType,
                recordId,
                match.candidate().id(),
                match.similarity(),
                json(match.reasons())
            });
        }
        jdbc.batchUpdate(
                """
                INSERT INTO duplicate_candidates (tenant_id, id, record_type, record_id, candidate_id, similarity, reasons)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (tenant_id, record_type, least(record_id, candidate_id), greatest(record_id, candidate_id))
                DO NOTHING
                """,
                rows);
    }

    Optional<Pair> find(UUID id) {
        return jdbc
                .query(
                        "SELECT id, record_type, record_id, NULL, candidate_id, NULL, similarity, reasons::text,"
                                + " found_at, dismissed_at FROM duplicate_candidates WHERE id = ?",
                        this::pair,
                        id)
                .stream()
                .findFirst();
    }

    /** The records a record was dismissed as a duplicate of, in either order of the pair. */
    Set<UUID> dismissedWith(String recordType, UUID recordId) {
        return new HashSet<>(jdbc.queryForList(
                """
                SELECT CASE WHEN record_id = ? THEN candidate_id ELSE record_id END FROM duplicate_candidates
                WHERE record_type = ? AND dismissed_at IS NOT NULL AND (record_id = ? OR candidate_id = ?)
                """,
                UUID.class,
                recordId,
                recordType,
                recordId,
                recordId));
    }

    /**
     * Open pairs of live records, both readable under {@code readable} (a predicate over alias {@code r} of the
     * type's table), most similar first, after the keyset position when given.
     */
    List<Pair> open(RecordKind kind, String title, SqlPart readable, Double afterSimilarity, UUID afterId, int limit) {
        String side = "SELECT " + title + " AS title FROM " + kind.collection() + " r WHERE r.id = d.%s"
                + " AND r.deleted_at IS NULL AND (" + readable.sql() + ")";
        List<Object> params = new ArrayList<>(readable.params());
        params.addAll(readable.params());
        params.add(kind.type());
        params.add(afterSimilarity);
        params.add(afterSimilarity);
        params.add(afterSimilarity);
        params.add(afterId);
        params.add(limit);
        return jdbc.query(
                "SELECT d.id, d.record_type, d.record_id, s.title, d.candidate_id, c.title, d.similarity,"
                        + " d.reasons::text, d.found_at, d.dismissed_at FROM duplicate_candidates d"
                        + " JOIN LATERAL (" + side.formatted("record_id") + ") s ON true"
                        + " JOIN LATERAL (" + side.formatted("candidate_id") + ") c ON true"
                        + " WHERE d.record_type = ? AND d.dismissed_at IS NULL AND (?::numeric IS NULL"
                        + " OR d.similarity < ? OR (d.similarity = ? AND d.id > ?))"
                        + " ORDER BY d.similarity DESC, d.id LIMIT ?",
                this::pair,
                params.toArray());
    }

    /** Marks the pair not a duplicate; answers when. */
    Instant dismiss(UUID id, UUID by) {
        return jdbc.queryForObject(
                        "UPDATE duplicate_candidates SET dismissed_at = coalesce(dismissed_at, now()),"
                                + " dismissed_by = coalesce(dismissed_by, ?) WHERE id = ? RETURNING dismissed_at",
                        Timestamp.class,
                        by,
                        id)
                .toInstant();
    }

    int removeAllOf(String recordType, List<UUID> recordIds) {
        UUID[] ids = recordIds.toArray(UUID[]::new);
        return jdbc.update(
                "DELETE FROM duplicate_candidates WHERE record_type = ? AND (record_id = ANY (?) OR candidate_id = ANY (?))",
                recordType,
                ids,
                ids);
    }

    private Pair pair(ResultSet rs, int row) throws SQLException {
        Timestamp dismissed = rs.getTimestamp(10);
        return new Pair(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getDouble(7),
                reasons(rs.getString(8)),
                rs.getTimestamp(9).toInstant(),
                dismissed == null ? null : dismissed.toInstant());
    }

    private String json(List<DuplicateReason> reasons) {
        try {
            return objectMapper.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<DuplicateReason> reasons(String json) {
        try {
            return objectMapper.readValue(json, new TypeReference<List<DuplicateReason>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reasons of a duplicate pair are not a JSON list", e);
        }
    }
}
