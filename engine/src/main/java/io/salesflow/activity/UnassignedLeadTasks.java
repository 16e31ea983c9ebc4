package io.salesflow.activity;

import io.salesflow.routing.LeadUnassigned;
import io.salesflow.tenancy.TenantScope;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Leads routing could not place become a high-priority task, due within a day, for the manager of the team routing
 * chose; without a team, for whoever owns the lead (its creator), so they never go unnoticed. The task is about the
 * unassigned leads page, one open task per person: an import of thousands of leads no rule places asks its manager
 * once, and the page lists them all.
 */
@Component
class UnassignedLeadTasks {

    static final String PAGE = "/leads/unassigned";

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
        UUID owner = event.managerId();
        if (owner == null) {
            List<UUID> owners =
                    jdbc.queryForList("SELECT owner_id FROM leads WHERE id = ?", UUID.class, event.leadId());
            if (owners.isEmpty()) {
                return; // deleted since: nothing left to place
            }
            owner = owners.get(0);
        }
        alerts.raiseOnPage(
                event.tenantId(),
                owner,
                "Assign the leads routing could not place",
                "Routing found no rep for new leads" + (event.teamId() == null ? "." : " in your team.")
                        + " They wait on the Unassigned leads page: give each to someone, with a reason."
                        + " Leads that arrive while this task is open join that page; no other task is raised.",
                PAGE);
    }
}
