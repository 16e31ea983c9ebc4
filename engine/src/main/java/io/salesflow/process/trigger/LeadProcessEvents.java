package io.salesflow.process.trigger;

import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import io.salesflow.lead.LeadConverted;
import io.salesflow.lead.LeadCreated;
import io.salesflow.lead.LeadStatusChanged;
import io.salesflow.process.RecordProcesses;
import io.salesflow.tenancy.TenantScope;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Lead events that start and steer processes, after the change committed and durably (the event publication
 * registry runs a failed delivery again): a new lead starts the tenant's nurture process; a status change, a
 * conversion, and an engagement that means the lead answered reach the processes running on it.
 */
@Component
class LeadProcessEvents {

    /** Engagements that end a warm lead's cadence: the lead answered. Opens and clicks only raise the score. */
    static final Set<EngagementKind> ANSWERS = Set.of(EngagementKind.EMAIL_REPLIED, EngagementKind.MEETING_BOOKED);

    private final RecordProcesses processes;
    private final TenantScope tenantScope;

    LeadProcessEvents(RecordProcesses processes, TenantScope tenantScope) {
        this.processes = processes;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(LeadCreated event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.start(
                        event.tenantId(),
                        "lead.created",
                        "lead",
                        event.leadId(),
                        Map.of("leadId", event.leadId().toString())));
    }

    @ApplicationModuleListener
    void on(LeadStatusChanged event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(
                        event.tenantId(),
                        "lead",
                        event.leadId(),
                        "LeadStatusChanged",
                        Map.of("statusFrom", event.from(), "statusTo", event.to())));
    }

    @ApplicationModuleListener
    void on(LeadConverted event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(event.tenantId(), "lead", event.leadId(), "LeadConverted", Map.of()));
    }

    @ApplicationModuleListener
    void on(LeadEngaged event) {
        if (ANSWERS.contains(event.type())) {
            tenantScope.runAs(
                    event.tenantId(),
                    () -> processes.correlate(
                            event.tenantId(),
                            "lead",
                            event.leadId(),
                            "LeadEngaged",
                            Map.of("engagement", event.type().code())));
        }
    }
}
