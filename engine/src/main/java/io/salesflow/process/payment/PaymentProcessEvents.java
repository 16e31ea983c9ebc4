package io.salesflow.process.payment;

import io.salesflow.payment.PaymentPlanStarted;
import io.salesflow.process.RecordProcesses;
import io.salesflow.tenancy.TenantScope;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A started payment plan starts the tenant's payment process on the deal, after commit and durably. */
@Component
class PaymentProcessEvents {

    private final RecordProcesses processes;
    private final TenantScope tenantScope;

    PaymentProcessEvents(RecordProcesses processes, TenantScope tenantScope) {
        this.processes = processes;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(PaymentPlanStarted event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.start(
                        event.tenantId(),
                        PaymentVariables.STARTED_EVENT,
                        "deal",
                        event.dealId(),
                        Map.of(PaymentVariables.DEAL_ID, event.dealId().toString())));
    }
}
