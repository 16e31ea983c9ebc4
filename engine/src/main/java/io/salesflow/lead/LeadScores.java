package io.salesflow.lead;

import io.salesflow.rules.duplicates.CompanyDomains;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
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

    /**
     * The lead's contact and account for a row {@code l} with {@code email}, {@code website} and the converted-to
     * ids: looked up through the duplicate keys (an email without +tag, a company domain) because under
     * row-level security only those equality lookups use an index. The one parameter is the free-mail domains.
     */
    private static final String RELATED =
            """
            LEFT JOIN LATERAL (
                SELECT c.id, c.account_id, c.account_role, c.status
                FROM contacts c
                WHERE c.deleted_at IS NULL
                  AND (c.id = l.converted_contact_id
                       OR c.id IN (SELECT k.record_id FROM duplicate_keys k
                                   WHERE k.record_type = 'contact' AND k.kind = 'email'
                                     AND k.key = app_duplicate_email_key(l.email)))
                ORDER BY c.id = l.converted_contact_id DESC NULLS LAST, c.created_at, c.id
                LIMIT 1) con ON true
            LEFT JOIN LATERAL (
                SELECT a.id, a.size, a.industry, a.tags,
                       EXISTS (SELECT 1 FROM deals d
                               WHERE d.account_id = a.id AND d.status = 'won' AND d.deleted_at IS NULL) AS customer
                FROM accounts a
                WHERE a.deleted_at IS NULL
                  AND (a.id = l.converted_account_id OR a.id = con.account_id
                       OR a.id IN (SELECT k.record_id
                                   FROM app_duplicate_keys(jsonb_build_object('email', l.email, 'website', l.website)) lk
                                   JOIN duplicate_keys k ON k.record_type = 'account' AND k.kind = 'domain'
                                                        AND k.key = lk.key
                                   WHERE lk.kind = 'domain' AND lk.key <> ALL (?)))
                ORDER BY a.id = l.converted_account_id DESC NULLS LAST, a.id = con.account_id DESC NULLS LAST,
                         a.created_at, a.id
                LIMIT 1) acc ON true
            """;

    private static final String RELATED_COLUMNS =
            "acc.id AS account_id, acc.size AS account_size, acc.industry AS account_industry,"
                    + " acc.tags AS account_tags, coalesce(acc.customer, false) AS account_customer,"
                    + " con.id AS contact_id, con.account_role AS contact_role, con.status AS contact_status";

    private static final String FACTS = "SELECT l.id, l.email, l.title, l.company, l.company_size, l.industry,"
            + " l.country, l.region, l.postal_code, l.language, l.source, l.status, l.product_interest, l.website,"
            + " coalesce(trim(l.phone), '') <> '' AS phone_present, l.score, l.score_band, " + RELATED_COLUMNS
            + " FROM leads l " + RELATED;

    private static final String NEW_LEAD_RELATED = "SELECT " + RELATED_COLUMNS
            + " FROM (SELECT ?::text AS email, ?::text AS website, NULL::uuid AS converted_contact_id,"
            + " NULL::uuid AS converted_account_id) l " + RELATED;

    private static final String[] FREE_MAIL = CompanyDomains.FREE_MAIL.toArray(String[]::new);

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
        return jdbc
                .query(FACTS + " WHERE l.id = ? AND l.deleted_at IS NULL", LeadScores::facts, FREE_MAIL, leadId)
                .stream()
                .findFirst();
    }

    /** The live lead's facts, locked against another scoring of it until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LeadFactsView> lockForScoring(UUID leadId) {
        return jdbc
                .query(
                        FACTS + " WHERE l.id = ? AND l.deleted_at IS NULL FOR NO KEY UPDATE OF l",
                        LeadScores::facts,
                        FREE_MAIL,
                        leadId)
                .stream()
                .findFirst();
    }

    /** The next live leads in id order after {@code afterId} (from the first when null), locked likewise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LeadFactsView> lockNextForScoring(UUID afterId, int limit) {
        if (afterId == null) {
            return jdbc.query(
                    FACTS + " WHERE l.deleted_at IS NULL ORDER BY l.id LIMIT ? FOR NO KEY UPDATE OF l",
                    LeadScores::facts,
                    FREE_MAIL,
                    limit);
        }
        return jdbc.query(
                FACTS + " WHERE l.deleted_at IS NULL AND l.id > ? ORDER BY l.id LIMIT ? FOR NO KEY UPDATE OF l",
                LeadScores::facts,
                FREE_MAIL,
                afterId,
                limit);
    }

    /** The facts of a lead being created, with its account and contact found as for a stored lead. */
    @Transactional(readOnly = true)
    public LeadFactsView factsOf(NewLead lead) {
        return LeadFactsView.of(lead, lead.related(() -> relatedOf(lead)));
    }

    private LeadFactsView.Related relatedOf(NewLead lead) {
        Object email = lead.fields().get("email");
        Object website = lead.fields().get("website");
        return jdbc.queryForObject(
                NEW_LEAD_RELATED,
                (rs, row) -> related(rs),
                email == null ? null : email.toString(),
                website == null ? null : website.toString(),
                FREE_MAIL);
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
                related(rs),
                rs.getObject("score", Integer.class),
                rs.getString("score_band"));
    }

    private static LeadFactsView.Related related(ResultSet rs) throws SQLException {
        Array tags = rs.getArray("account_tags");
        return new LeadFactsView.Related(
                rs.getObject("account_id", UUID.class),
                rs.getString("account_size"),
                rs.getString("account_industry"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getBoolean("account_customer"),
                rs.getObject("contact_id", UUID.class),
                rs.getString("contact_role"),
                rs.getString("contact_status"));
    }
}
