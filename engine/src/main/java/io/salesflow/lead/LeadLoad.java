package io.salesflow.lead;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Open leads per owner in {@code caps}, counted only as far as each owner's cap (owners without a cap get 0):
     * what routing needs to tell whether a rep is at the cap. A rep with 50,000 open leads and a cap of 200 costs
     * 200 entries of the open-lead index (V97; closed leads are not in it), and a rep without a cap none, so routing
     * a lead does not cost more as leads pile up.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Integer> openUpToCap(Map<UUID, Integer> caps, UUID except) {
        Map<UUID, Integer> counts = new HashMap<>();
        caps.keySet().forEach(o -> counts.put(o, 0));
        List<UUID> capped = caps.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey)
                .toList();
        if (capped.isEmpty()) {
            return counts;
        }
        jdbc.query(
                """
                SELECT c.owner_id, (SELECT count(*) FROM (SELECT 1 FROM leads l
                    WHERE l.owner_id = c.owner_id AND l.deleted_at IS NULL AND l.status IN ('new', 'contacted', 'qualified')
                      AND l.id IS DISTINCT FROM ? LIMIT c.cap) x)
                FROM unnest(?::uuid[], ?::int[]) AS c (owner_id, cap)
                """,
                rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                },
                except,
                capped.toArray(UUID[]::new),
                capped.stream().map(caps::get).toArray(Integer[]::new));
        return counts;
    }
}
