package io.salesflow.lead;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a lead stands, read on the system's authority for the processes that work it (nurture reads its status,
 * band and owner); the tenant's row-level security still applies. Empty for a deleted or unknown lead.
 */
@Component
public class LeadStates {

    /** @param band the score band ({@code hot}, {@code warm}, {@code cold}), null before the first scoring */
    public record LeadState(UUID id, String name, String status, String band, UUID ownerId, UUID teamId) {}

    private final JdbcTemplate jdbc;

    LeadStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LeadState> find(UUID leadId) {
        return jdbc
                .query(
                        """
                        SELECT id, trim(concat_ws(' ', first_name, last_name)) AS name, status, score_band,
                               owner_id, team_id
                        FROM leads WHERE id = ? AND deleted_at IS NULL
                        """,
                        (rs, i) -> new LeadState(
                                rs.getObject("id", UUID.class),
                                rs.getString("name"),
                                rs.getString("status"),
                                rs.getString("score_band"),
                                rs.getObject("owner_id", UUID.class),
                                rs.getObject("team_id", UUID.class)),
                        leadId)
                .stream()
                .findFirst();
    }
}
