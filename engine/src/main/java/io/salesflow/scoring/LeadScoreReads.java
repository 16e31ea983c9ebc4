package io.salesflow.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.rules.drl.RuleSetInvalidException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A lead's score, its explanation and its score history, for callers who may read the lead. */
@Service
public class LeadScoreReads {

    private final LeadAccess access;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final LeadScoring scoring;
    private final AuditLog audit;

    LeadScoreReads(LeadAccess access, JdbcTemplate jdbc, ObjectMapper json, LeadScoring scoring, AuditLog audit) {
        this.access = access;
        this.jdbc = jdbc;
        this.json = json;
        this.scoring = scoring;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public LeadScoreViews.Score score(UUID leadId) {
        access.requireReadable(leadId);
        return jdbc
                .query(
                        """
                        SELECT l.score, l.score_band, l.scored_at, e.rule_set_version, e.explanation::text AS explanation
                        FROM leads l LEFT JOIN lead_score_explanations e ON e.lead_id = l.id
                        WHERE l.id = ?
                        """,
                        (rs, n) -> new LeadScoreViews.Score(
                                leadId,
                                rs.getObject("score", Integer.class),
                                rs.getString("score_band"),
                                rs.getObject("rule_set_version", Integer.class),
                                instant(rs, "scored_at"),
                                json(rs.getString("explanation"))),
                        leadId)
                .stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Lead", leadId));
    }

    /** The lead's score changes, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<LeadScoreViews.Change> history(UUID leadId, String cursor, int limit) {
        access.requireReadable(leadId);
        Long before = CursorPage.decodeLong(cursor);
        String sql =
                """
                SELECT id, previous_score, new_score, change, previous_band, new_band, reason, rule_set_version,
                       explanation::text AS explanation, at
                FROM lead_score_history WHERE lead_id = ?
                """
                        + (before == null ? "" : " AND id < ?")
                        + " ORDER BY id DESC LIMIT ?";
        Object[] params = before == null ? new Object[] {leadId, limit + 1} : new Object[] {leadId, before, limit + 1};
        List<LeadScoreViews.Change> rows = jdbc.query(sql, (rs, n) -> change(rs), params);
        return CursorPage.of(rows, limit, c -> Long.toString(c.id()));
    }

    /**
     * Scores a lead the caller may change again now, with reason {@code manual}: after its fields changed, say,
     * which by themselves do not rescore it.
     */
    @Transactional
    public LeadScoreViews.Score rescore(UUID leadId) {
        access.requireChangeable(leadId);
        ScoredLead scored;
        try {
            scored = scoring.rescore(leadId, "manual")
                    .orElseThrow(() -> Problem.conflict("The workspace has no active scoring rule set"));
        } catch (RuleSetInvalidException e) {
            throw ScoringRuleSets.invalid(null, e.problems());
        }
        audit.record(
                "lead.rescored",
                "lead",
                leadId,
                Map.of(
                        "score",
                        scored.lead().score() == null ? "none" : scored.lead().score()),
                Map.of("score", scored.result().score(), "ruleSetVersion", scored.ruleSetVersion()));
        return score(leadId);
    }

    private LeadScoreViews.Change change(ResultSet rs) throws SQLException {
        return new LeadScoreViews.Change(
                rs.getLong("id"),
                rs.getObject("previous_score", Integer.class),
                rs.getInt("new_score"),
                rs.getInt("change"),
                rs.getString("previous_band"),
                rs.getString("new_band"),
                rs.getString("reason"),
                rs.getInt("rule_set_version"),
                json(rs.getString("explanation")),
                instant(rs, "at"));
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
