package io.salesflow.email;

import io.salesflow.activity.AlertTasks;
import io.salesflow.tenancy.TenantScope;
import java.util.List;
import java.util.Set;
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
class EmailFailureAlerts {

    private static final Set<String> RECORD_TYPES = Set.of("lead", "contact", "account", "deal");

    private final AlertTasks alerts;
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    EmailFailureAlerts(AlertTasks alerts, JdbcTemplate jdbc, TenantScope tenantScope) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(EmailFailed event) {
        tenantScope.runAs(event.tenantId(), () -> raiseTask(event));
    }

    private void raiseTask(EmailFailed event) {
        String recordType = RECORD_TYPES.contains(event.recordType()) ? event.recordType() : null;
        UUID owner = event.createdBy();
        if (recordType != null) {
            List<UUID> owners = jdbc.queryForList(
                    "SELECT owner_id FROM " + recordType + "s WHERE id = ?", UUID.class, event.recordId());
            if (!owners.isEmpty()) {
                owner = owners.get(0);
            }
        }
        if (owner == null) {
            return;
        }
        alerts.raise(
                event.tenantId(),
                owner,
                "Email not delivered: " + event.subject(),
                "The email could not be delivered and will not be retried: " + event.reason()
                        + ". Check the address, or reach them another way.",
                recordType,
                event.recordId());
    }
}
