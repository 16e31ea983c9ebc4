package io.salesflow.activity;

import io.salesflow.audit.AuditLog;
import io.salesflow.email.EmailFailed;
import io.salesflow.records.FieldHistory;
import io.salesflow.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An email that could not be delivered becomes a high-priority task on its lead or contact (deal, account), for
 * the record's owner, due within a day: the alert linked to the record that a lost message would otherwise be. An
 * email about no record (an admin's test message) raises a task for whoever sent it.
 */
@Component
class EmailFailedTasks {

    static final Duration DUE_WITHIN = Duration.ofDays(1);

    private final ActivityRepository activities;
    private final FieldHistory history;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Clock clock;

    EmailFailedTasks(
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
    void on(EmailFailed event) {
        tenantScope.runAs(event.tenantId(), () -> raiseTask(event));
    }

    private void raiseTask(EmailFailed event) {
        Link link = event.recordType() == null
                ? null
                : Link.byRecordType(event.recordType()).orElse(null);
        UUID owner = event.createdBy();
        if (link != null) {
            List<UUID> owners = jdbc.queryForList(
                    "SELECT owner_id FROM " + link.recordType() + "s WHERE id = ?", UUID.class, event.recordId());
            if (!owners.isEmpty()) {
                owner = owners.get(0);
            }
        }
        if (owner == null) {
            return;
        }
        Activity task = new Activity(event.tenantId(), owner);
        task.setType("task");
        task.setSubject(truncate("Email not delivered: " + event.subject(), 200));
        task.setDescription(truncate(
                "The email could not be delivered and will not be retried: " + event.reason()
                        + ". Check the address, or reach them another way.",
                2000));
        task.setPriority("high");
        task.setDueAt(clock.instant().plus(DUE_WITHIN));
        if (link != null) {
            task.link(link, event.recordId());
        }
        activities.saveAndFlush(task);
        history.record("activity", task.getId(), null, task.snapshot());
        audit.record("activity.created", "activity", task.getId(), null, task.snapshot());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
