package io.salesflow.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The append-only log of lead assignments ({@code lead_assignments}), written in the transaction of the change. */
@Component
class AssignmentLog {

    private static final TypeReference<List<AssignmentView.Candidate>> CANDIDATES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    AssignmentLog(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** An assignment to keep; {@code id} is given by the database. */
    record Entry(
            UUID leadId,
            String kind,
            UUID ownerId,
            UUID previousOwnerId,
            UUID teamId,
            String rule,
            Integer ruleSetVersion,
            List<AssignmentView.Candidate> candidates,
            String reason,
            UUID assignedBy,
            String why,
            Instant at) {}

    @Transactional(propagation = Propagation.MANDATORY)
    AssignmentView record(Entry e) {
        // One statement: the lead's queued entry, if any, leaves the queue as the new one is written.
        Long id = jdbc.queryForObject(
                """
                WITH dequeued AS (UPDATE lead_assignments SET queued = false WHERE lead_id = ? AND queued)
                INSERT INTO lead_assignments (tenant_id, lead_id, kind, owner_id, previous_owner_id, team_id,
                       rule_name, rule_set_number, candidates, reason, assigned_by, why, at, queued)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ? = 'unassigned')
                RETURNING id
                """,
                Long.class,
                e.leadId(),
                TenantContext.require(),
                e.leadId(),
                e.kind(),
                e.ownerId(),
                e.previousOwnerId(),
                e.teamId(),
                e.rule(),
                e.ruleSetVersion(),
                json(e.candidates()),
                e.reason(),
                e.assignedBy(),
                e.why(),
                Timestamp.from(e.at()),
                e.kind());
        return new AssignmentView(
                id,
                e.leadId(),
                e.kind(),
                e.ownerId(),
                e.previousOwnerId(),
                e.teamId(),
                e.rule(),
                e.ruleSetVersion(),
                e.candidates(),
                e.reason(),
                e.assignedBy(),
                e.why(),
                e.at());
    }

    /** A deleted lead leaves the unassigned queue. */
    @Transactional(propagation = Propagation.MANDATORY)
    void dequeue(UUID leadId) {
        jdbc.update("UPDATE lead_assignments SET queued = false WHERE lead_id = ? AND queued", leadId);
    }

    /** A restored lead whose latest assignment left it unassigned is back in the queue. */
    @Transactional(propagation = Propagation.MANDATORY)
    void requeue(UUID leadId) {
        jdbc.update(
                """
                UPDATE lead_assignments SET queued = true
                WHERE id = (SELECT id FROM lead_assignments WHERE lead_id = ? ORDER BY id DESC LIMIT 1)
                  AND kind = 'unassigned'
                """,
                leadId);
    }

    /** A lead's assignments, newest first. */
    List<AssignmentView> of(UUID leadId) {
        return jdbc.query(
                "SELECT * FROM lead_assignments WHERE lead_id = ? ORDER BY id DESC", (rs, n) -> view(rs), leadId);
    }

    /**
     * Unassigned entries that are still the latest of their lead, newest first, before {@code beforeId} (all when
     * null): the unassigned queue before anyone's access is applied.
     */
    List<AssignmentView> unassigned(Long beforeId, int limit) {
        return jdbc.query(
                """
                SELECT a.* FROM lead_assignments a
                WHERE a.queued AND (?::bigint IS NULL OR a.id < ?)
                ORDER BY a.id DESC LIMIT ?
                """,
                (rs, n) -> view(rs),
                beforeId,
                beforeId,
                limit);
    }

    private AssignmentView view(ResultSet rs) throws SQLException {
        return new AssignmentView(
                rs.getLong("id"),
                rs.getObject("lead_id", UUID.class),
                rs.getString("kind"),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("previous_owner_id", UUID.class),
                rs.getObject("team_id", UUID.class),
                rs.getString("rule_name"),
                rs.getObject("rule_set_number", Integer.class),
                candidates(rs.getString("candidates")),
                rs.getString("reason"),
                rs.getObject("assigned_by", UUID.class),
                rs.getString("why"),
                rs.getTimestamp("at").toInstant());
    }

    private String json(List<AssignmentView.Candidate> candidates) {
        try {
            return objectMapper.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AssignmentView.Candidate> candidates(String json) {
        try {
            return objectMapper.readValue(json, CANDIDATES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
