package io.salesflow.textmessage;

import io.salesflow.activity.AlertTasks;
import io.salesflow.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A text message that will not arrive becomes a high-priority task for the owner of its lead or contact (or whoever
 * sent it), due within a day, so that nobody waits for an answer to a message that never went out.
 */
@Component
class TextMessageFailureAlerts {

    private final AlertTasks alerts;
    private final TenantScope tenantScope;

    TextMessageFailureAlerts(AlertTasks alerts, TenantScope tenantScope) {
        this.alerts = alerts;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(TextMessageFailed event) {
        String kind = "whatsapp".equals(event.channel()) ? "WhatsApp message" : "Text message";
        tenantScope.runAs(
                event.tenantId(),
                () -> alerts.raiseForOwner(
                        event.tenantId(),
                        event.sentBy(),
                        kind + " to " + event.to() + " not delivered",
                        "The " + kind.toLowerCase(java.util.Locale.ROOT) + " could not be delivered: " + event.reason()
                                + ". Check the number, or reach them another way.",
                        event.recordType(),
                        event.recordId()));
    }
}
