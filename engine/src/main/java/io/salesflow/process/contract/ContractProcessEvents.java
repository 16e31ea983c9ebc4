package io.salesflow.process.contract;

import io.salesflow.contract.ContractDeclined;
import io.salesflow.contract.ContractSent;
import io.salesflow.contract.ContractSigned;
import io.salesflow.contract.ContractSteps;
import io.salesflow.process.RecordProcesses;
import io.salesflow.tenancy.TenantScope;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Contract events that start and steer the contract-signing process, after commit and durably: a contract sent
 * starts the tenant's process for {@code contract.sent} on the deal (once per contract); the last signature and a
 * decline are delivered to that contract's instance as messages.
 */
@Component
class ContractProcessEvents {

    private final RecordProcesses processes;
    private final TenantScope tenantScope;
    private final ContractSteps steps;

    ContractProcessEvents(RecordProcesses processes, TenantScope tenantScope, ContractSteps steps) {
        this.processes = processes;
        this.tenantScope = tenantScope;
        this.steps = steps;
    }

    @ApplicationModuleListener
    void on(ContractSent event) {
        tenantScope.runAs(event.tenantId(), () -> {
            if (!steps.isOut(event.contractId())) {
                // Handled late (a retry), after the contract was signed, declined or expired: nothing to run.
                return;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(ContractSigningProcess.CONTRACT_ID, event.contractId().toString());
            variables.put(ContractSigningProcess.DEAL_ID, event.dealId().toString());
            variables.put(ContractSigningProcess.DEAL_NAME, event.dealName());
            variables.put(ContractSigningProcess.TITLE, event.title());
            variables.put(
                    ContractSigningProcess.OWNER_ID,
                    event.ownerId() == null ? null : event.ownerId().toString());
            variables.put(ContractSigningProcess.EXPIRES_AT, event.expiresAt().toString());
            variables.put(ContractSigningProcess.REMINDER_DAYS, event.reminderEveryWorkingDays());
            processes.start(
                    event.tenantId(),
                    ContractSigningProcess.TRIGGER,
                    "deal",
                    event.dealId(),
                    variables,
                    ContractSigningProcess.CONTRACT_ID);
        });
    }

    @ApplicationModuleListener
    void on(ContractSigned event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(
                        event.tenantId(),
                        "deal",
                        event.dealId(),
                        ContractSigningProcess.SIGNED,
                        Map.of(),
                        Map.of(
                                ContractSigningProcess.CONTRACT_ID,
                                event.contractId().toString())));
    }

    @ApplicationModuleListener
    void on(ContractDeclined event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.correlate(
                        event.tenantId(),
                        "deal",
                        event.dealId(),
                        ContractSigningProcess.DECLINED,
                        Map.of(
                                ContractSigningProcess.DECLINED_BY, event.signerName(),
                                ContractSigningProcess.DECLINE_REASON, event.reason()),
                        Map.of(
                                ContractSigningProcess.CONTRACT_ID,
                                event.contractId().toString())));
    }
}
