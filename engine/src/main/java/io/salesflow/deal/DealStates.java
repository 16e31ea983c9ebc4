package io.salesflow.deal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A deal's name and pipeline, read on the system's authority for the processes that run on it (an approval task
 * names the deal, the approval table may look at the pipeline); the tenant's row-level security still applies.
 */
@Component
public class DealStates {

    public record DealState(UUID id, String name, UUID ownerId, String pipelineName, String stageName) {}

    /** What a document about the deal prints: its figures, account, owner and place in its pipeline. */
    public record DealFacts(
            UUID id,
            String name,
            java.math.BigDecimal amount,
            String currency,
            java.time.LocalDate expectedCloseDate,
            UUID ownerId,
            String ownerName,
            String ownerEmail,
            String accountName,
            UUID pipelineId,
            String pipelineName,
            String stageName) {}

    /** What a payment plan needs of a deal: its amount and currency, whether it is won, its primary contact. */
    public record DealTerms(
            UUID id,
            String name,
            java.math.BigDecimal amount,
            String currency,
            String status,
            UUID ownerId,
            String accountName,
            UUID primaryContactId) {}

    private final JdbcTemplate jdbc;

    DealStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DealFacts> facts(UUID dealId) {
        return jdbc
                .query(
                        """
                        SELECT d.id, d.name, d.amount, d.currency, d.expected_close_date, d.owner_id,
                               u.display_name AS owner_name, u.email AS owner_email, a.name AS account_name,
                               p.id AS pipeline_id, p.name AS pipeline, s.name AS stage
                        FROM deals d
                        JOIN pipelines p ON p.id = d.pipeline_id
                        JOIN pipeline_stages s ON s.id = d.stage_id
                        LEFT JOIN users u ON u.id = d.owner_id
                        LEFT JOIN accounts a ON a.id = d.account_id AND a.deleted_at IS NULL
                        WHERE d.id = ? AND d.deleted_at IS NULL
                        """,
                        (rs, i) -> new DealFacts(
                                rs.getObject("id", UUID.class),
                                rs.getString("name"),
                                rs.getBigDecimal("amount"),
                                rs.getString("currency"),
                                rs.getObject("expected_close_date", java.time.LocalDate.class),
                                rs.getObject("owner_id", UUID.class),
                                rs.getString("owner_name"),
                                rs.getString("owner_email"),
                                rs.getString("account_name"),
                                rs.getObject("pipeline_id", UUID.class),
                                rs.getString("pipeline"),
                                rs.getString("stage")),
                        dealId)
                .stream()
                .findFirst();
    }

    public Optional<DealState> find(UUID dealId) {
        return jdbc
                .query(
                        """
                        SELECT d.id, d.name, d.owner_id, p.name AS pipeline, s.name AS stage
                        FROM deals d
                        JOIN pipelines p ON p.id = d.pipeline_id
                        JOIN pipeline_stages s ON s.id = d.stage_id
                        WHERE d.id = ? AND d.deleted_at IS NULL
                        """,
                        (rs, i) -> new DealState(
                                rs.getObject("id", UUID.class),
                                rs.getString("name"),
                                rs.getObject("owner_id", UUID.class),
                                rs.getString("pipeline"),
                                rs.getString("stage")),
                        dealId)
                .stream()
                .findFirst();
    }

    public Optional<DealTerms> terms(UUID dealId) {
        return jdbc
                .query(
                        """
                        SELECT d.id, d.name, d.amount, d.currency, d.status, d.owner_id, a.name AS account,
                               (SELECT dc.contact_id FROM deal_contacts dc
                                WHERE dc.deal_id = d.id AND dc.is_primary) AS primary_contact
                        FROM deals d
                        LEFT JOIN accounts a ON a.tenant_id = d.tenant_id AND a.id = d.account_id
                        WHERE d.id = ? AND d.deleted_at IS NULL
                        """,
                        (rs, i) -> new DealTerms(
                                rs.getObject("id", UUID.class),
                                rs.getString("name"),
                                rs.getBigDecimal("amount"),
                                rs.getString("currency"),
                                rs.getString("status"),
                                rs.getObject("owner_id", UUID.class),
                                rs.getString("account"),
                                rs.getObject("primary_contact", UUID.class)),
                        dealId)
                .stream()
                .findFirst();
    }
}
