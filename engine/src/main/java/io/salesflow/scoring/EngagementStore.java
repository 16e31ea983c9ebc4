package io.salesflow.scoring;

import io.salesflow.engagement.LeadEngaged;
import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.tenancy.TenantContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Leads' engagements in {@code lead_engagements}, and the most recent of them as scoring facts. */
@Component
class EngagementStore {

    private final JdbcTemplate jdbc;
    private final int maxPerLead;

    EngagementStore(JdbcTemplate jdbc, ScoringProperties properties) {
        this.jdbc = jdbc;
        this.maxPerLead = properties.maxEngagementsPerLead();
    }

    /** Stores the engagement; false when it was stored before (same id, or same lead, kind and reference). */
    boolean insert(LeadEngaged e) {
        return jdbc.update(
                        """
                        INSERT INTO lead_engagements (tenant_id, id, lead_id, type, occurred_at, detail, source, reference)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """,
                        TenantContext.require(),
                        e.engagementId(),
                        e.leadId(),
                        e.type().code(),
                        Timestamp.from(e.occurredAt()),
                        e.detail(),
                        e.source(),
                        e.reference())
                == 1;
    }

    /** The most recent engagements of each lead, as the rules see them. */
    Map<UUID, List<EngagementEvent>> forLeads(List<UUID> leadIds) {
        Map<UUID, List<EngagementEvent>> events = new HashMap<>();
        if (leadIds.isEmpty()) {
            return events;
        }
        jdbc.query(
                """
                SELECT lead_id, type, occurred_at, detail FROM (
                    SELECT lead_id, type, occurred_at, detail,
                           row_number() OVER (PARTITION BY lead_id ORDER BY occurred_at DESC, id) AS n
                    FROM lead_engagements WHERE lead_id = ANY (?)) e
                WHERE n <= ?
                """,
                rs -> {
                    events.computeIfAbsent(rs.getObject("lead_id", UUID.class), k -> new ArrayList<>())
                            .add(new EngagementEvent(
                                    EngagementType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                                    rs.getTimestamp("occurred_at").toInstant(),
                                    rs.getString("detail")));
                },
                leadIds.toArray(UUID[]::new),
                maxPerLead);
        return events;
    }
}
