package io.salesflow.email;

import io.salesflow.activity.AlertTasks;
import io.salesflow.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An email that could not be delivered becomes a high-priority task on its lead or contact (deal, account), for
 * the record's owner, due within a day: the alert linked to the record that a lost message would otherwise be. An
 * email about no record (an admin's test message) raises a task for whoever sent it.
 */
@Component
class EmailFailureAlerts {

    private final AlertTasks alerts;
    private final TenantScope tenantScope;

    EmailFailureAlerts(AlertTasks alerts, TenantScope tenantScope) {
        this.alerts = alerts;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(EmailFailed event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> alerts.raiseForOwner(
                        event.tenantId(),
                        event.createdBy(),
                        "Email not delivered: " + event.subject(),
                        "The email could not be delivered and will not be retried: " + event.reason()
                                + ". Check the address, or reach them another way.",
                        event.recordType(),
                        event.recordId()));
    }
}
