package io.salesflow.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lead scoring's access to leads, on the system's authority rather than a caller's (scoring acts for the
 * tenant, after the caller's access was checked where there is one). Writing a score is not a change of the
 * lead: no field history (scores have their own), and the version stays, so a rescoring in the background
 * never makes a client's {@code If-Match} stale.
 */
@Component
public class LeadScores {

    private static final String FACTS =
            """
            SELECT id, email, title, company, company_size, industry, country, region, postal_code, language, source, status,
                   product_interest, website, coalesce(trim(phone), '') <> '' AS phone_present, score, score_band
            FROM leads
            """;

    private final JdbcTemplate jdbc;

    LeadScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A score to write: 0..100 and its band ({@code hot}, {@code warm}, {@code cold}). */
    public record Score(UUID leadId, int score, String band, Instant at) {}

    /** Whether the lead exists at all, deleted or not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean exists(UUID leadId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM leads WHERE id = ?)", Boolean.class, leadId));
    }

    /** The live lead's facts, as they are now. */
    @Transactional(readOnly = true)
    public Optional<LeadFactsView> facts(UUID leadId) {
        return jdbc.query(FACTS + " WHERE id = ? AND deleted_at IS NULL", LeadScores::facts, leadId).stream()
                .findFirst();
    }

    /** The live lead's facts, locked against another scoring of it until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LeadFactsView> lockForScoring(UUID leadId) {
        return jdbc
                .query(FACTS + " WHERE id = ? AND deleted_at IS NULL FOR NO KEY UPDATE", LeadScores::facts, leadId)
                .stream()
                .findFirst();
    }

    /** The next live leads in id order after {@code afterId} (from the first when null), locked likewise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LeadFactsView> lockNextForScoring(UUID afterId, int limit) {
        if (afterId == null) {
            return jdbc.query(
                    FACTS + " WHERE deleted_at IS NULL ORDER BY id LIMIT ? FOR NO KEY UPDATE",
                    LeadScores::facts,
                    limit);
        }
        return jdbc.query(
                FACTS + " WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT ? FOR NO KEY UPDATE",
                LeadScores::facts,
                afterId,
                limit);
    }

    @Transactional(readOnly = true)
    public int countLive() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM leads WHERE deleted_at IS NULL", Integer.class);
        return count == null ? 0 : count;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Score> scores) {
        jdbc.batchUpdate(
                "UPDATE leads SET score = ?, score_band = ?, scored_at = ? WHERE id = ?", scores, 500, (ps, s) -> {
                    ps.setInt(1, s.score());
                    ps.setString(2, s.band());
                    ps.setTimestamp(3, Timestamp.from(s.at()));
                    ps.setObject(4, s.leadId());
                });
    }

    private static LeadFactsView facts(ResultSet rs, int row) throws SQLException {
        return new LeadFactsView(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("title"),
                rs.getString("company"),
                rs.getString("company_size"),
                rs.getString("industry"),
                rs.getString("country"),
                rs.getString("region"),
                rs.getString("postal_code"),
                rs.getString("language"),
                rs.getString("source"),
                rs.getString("status"),
                rs.getString("product_interest"),
                rs.getString("website"),
                rs.getBoolean("phone_present"),
                rs.getObject("score", Integer.class),
                rs.getString("score_band"));
    }
}
