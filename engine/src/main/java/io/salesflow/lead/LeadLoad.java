package io.salesflow.lead;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many open leads (new, contacted or qualified, not deleted) users own in the current tenant, whoever
 * asks: what lead routing weighs as a rep's load. Counted from the leads themselves, so it never drifts.
 */
@Component
public class LeadLoad {

    private final JdbcTemplate jdbc;

    LeadLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open leads per owner among {@code owners} (0 for those with none), leaving out lead {@code except}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Integer> openByOwner(Collection<UUID> owners, UUID except) {
        Map<UUID, Integer> counts = new HashMap<>();
        owners.forEach(o -> counts.put(o, 0));
        if (owners.isEmpty()) {
            return counts;
        }
        jdbc.query(
                """
                SELECT owner_id, count(*) FROM leads
                WHERE owner_id = ANY (?) AND deleted_at IS NULL AND status IN ('new', 'contacted', 'qualified')
                  AND id IS DISTINCT FROM ?
                GROUP BY owner_id
                """,
                rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                },
                owners.toArray(UUID[]::new),
                except);
        return counts;
    }
}
