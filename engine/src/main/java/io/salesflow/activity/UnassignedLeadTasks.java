package io.salesflow.activity;

import io.salesflow.audit.AuditLog;
import io.salesflow.records.FieldHistory;
import io.salesflow.routing.LeadUnassigned;
import io.salesflow.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
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

    static final Duration DUE_WITHIN = Duration.ofDays(1);

    private final ActivityRepository activities;
    private final FieldHistory history;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Clock clock;

    UnassignedLeadTasks(
            ActivityRepository activities,
            FieldHistory history,
            AuditLog audit,
            JdbcTemplate jdbc,
            TenantScope tenantScope,
            Clock clock) {
        this.activities = activities;
        this.history = history;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.clock = clock;
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
        Activity task = new Activity(event.tenantId(), owner);
        task.setType("task");
        task.setSubject("Assign lead " + lead.get("name"));
        task.setDescription("Routing found no rep for this lead" + (event.teamId() == null ? "." : " in your team.")
                + " Give it to someone: reassign it with a reason.");
        task.setPriority("high");
        task.setDueAt(clock.instant().plus(DUE_WITHIN));
        task.link(Link.LEAD, event.leadId());
        activities.saveAndFlush(task);
        history.record("activity", task.getId(), null, task.snapshot());
        audit.record("activity.created", "activity", task.getId(), null, task.snapshot());
    }
}
