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

    private final JdbcTemplate jdbc;

    DealStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
