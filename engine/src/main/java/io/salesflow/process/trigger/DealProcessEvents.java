package io.salesflow.process.trigger;

import io.salesflow.deal.DealApprovalRequested;
import io.salesflow.deal.DealApprovalWithdrawn;
import io.salesflow.deal.DealLost;
import io.salesflow.deal.DealStates;
import io.salesflow.deal.DealWon;
import io.salesflow.process.RecordProcesses;
import io.salesflow.tenancy.TenantScope;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Deal events that start and end processes, after commit and durably: a deal entering a stage that needs approval
 * starts the tenant's approval process with the figures the decision table reads; a withdrawn approval (the deal
 * moved back, or its figures changed) ends that approval's instance; a deal won or lost ends everything on it.
 */
@Component
class DealProcessEvents {

    private final RecordProcesses processes;
    private final DealStates deals;
    private final TenantScope tenantScope;

    DealProcessEvents(RecordProcesses processes, DealStates deals, TenantScope tenantScope) {
        this.processes = processes;
        this.deals = deals;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(DealApprovalRequested event) {
        tenantScope.runAs(event.tenantId(), () -> deals.find(event.dealId()).ifPresent(deal -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("dealId", event.dealId().toString());
            variables.put("approvalId", event.approvalId().toString());
            variables.put("dealName", deal.name());
            variables.put("ownerId", text(event.ownerId()));
            variables.put("pipeline", deal.pipelineName());
            variables.put("amount", number(event.amount()));
            variables.put("currency", event.currency());
            variables.put("discountPercent", number(event.discountPercent()));
            variables.put("marginPercent", number(event.marginPercent()));
            variables.put("region", event.region());
            processes.start(
                    event.tenantId(), "deal.approval_requested", "deal", event.dealId(), variables, "approvalId");
        }));
    }

    @ApplicationModuleListener
    void on(DealApprovalWithdrawn event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(
                        event.tenantId(),
                        "deal",
                        event.dealId(),
                        "DealApprovalWithdrawn",
                        Map.of(),
                        Map.of("approvalId", event.approvalId().toString())));
    }

    @ApplicationModuleListener
    void on(DealWon event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(
                        event.tenantId(), "deal", event.dealId(), "DealClosed", Map.of("outcome", "won")));
    }

    @ApplicationModuleListener
    void on(DealLost event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(
                        event.tenantId(), "deal", event.dealId(), "DealClosed", Map.of("outcome", "lost")));
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
