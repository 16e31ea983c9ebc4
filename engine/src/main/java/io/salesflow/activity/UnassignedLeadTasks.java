package io.salesflow.activity;

import io.salesflow.routing.LeadUnassigned;
import io.salesflow.tenancy.TenantScope;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A lead routing could not place becomes a high-priority task, due within a day, for the manager of the team
 * routing chose; without a team, for whoever owns the lead (its creator), so it never goes unnoticed.
 */
@Component
class UnassignedLeadTasks {

    private final AlertTasks alerts;
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    UnassignedLeadTasks(AlertTasks alerts, JdbcTemplate jdbc, TenantScope tenantScope) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(LeadUnassigned event) {
        tenantScope.runAs(event.tenantId(), () -> raiseTask(event));
    }

    private void raiseTask(LeadUnassigned event) {
        Map<String, Object> lead = jdbc.queryForMap(
                "SELECT owner_id, coalesce(nullif(concat_ws(' ', first_name, last_name), ''), company) AS name"
                        + " FROM leads WHERE id = ?",
                event.leadId());
        UUID owner = event.managerId() != null ? event.managerId() : (UUID) lead.get("owner_id");
        alerts.raise(
                event.tenantId(),
                owner,
                "Assign lead " + lead.get("name"),
                "Routing found no rep for this lead" + (event.teamId() == null ? "." : " in your team.")
                        + " Give it to someone: reassign it with a reason.",
                Link.LEAD,
                event.leadId());
    }
}
