package io.salesflow.process.trigger;

import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which process the tenant runs for each domain event that starts one. Shipped with Salesflow's processes; ops may
 * point an event at their own process (deployed for the tenant) or switch it off.
 */
@Component
public class ProcessTriggers {

    /** Event name to the process Salesflow ships for it. */
    public static final Map<String, String> SHIPPED = Map.of(
            "lead.created", "lead-nurture",
            "deal.approval_requested", "deal-approval",
            "contract.sent", "contract-signing",
            "payment.plan_started", "payment-milestones");

    public record Trigger(String event, String processKey, boolean enabled) {}

    private final JdbcTemplate jdbc;

    ProcessTriggers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The process the current tenant runs for {@code event}; empty when switched off. */
    public Optional<String> processFor(String event) {
        Trigger trigger = find(event);
        return trigger.enabled() ? Optional.of(trigger.processKey()) : Optional.empty();
    }

    public List<Trigger> all() {
        return SHIPPED.keySet().stream().sorted().map(this::find).toList();
    }

    Trigger find(String event) {
        return jdbc
                .query(
                        "SELECT event, process_key, enabled FROM process_triggers WHERE event = ?",
                        (rs, i) -> new Trigger(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                        event)
                .stream()
                .findFirst()
                .orElse(new Trigger(event, SHIPPED.get(event), true));
    }

    void save(Trigger trigger) {
        jdbc.update(
                """
                INSERT INTO process_triggers (tenant_id, event, process_key, enabled) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, event) DO UPDATE
                SET process_key = excluded.process_key, enabled = excluded.enabled, updated_at = now()
                """,
                TenantContext.require(),
                trigger.event(),
                trigger.processKey(),
                trigger.enabled());
    }
}
