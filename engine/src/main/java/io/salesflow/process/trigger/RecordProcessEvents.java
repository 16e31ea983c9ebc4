package io.salesflow.process.trigger;

import io.salesflow.process.RecordProcesses;
import io.salesflow.records.RecordDeleted;
import io.salesflow.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted record's processes end: nobody should be asked to call a lead that is gone. Restoring the record does
 * not start them again (ops start one by hand where wanted).
 */
@Component
class RecordProcessEvents {

    private final RecordProcesses processes;
    private final TenantScope tenantScope;

    RecordProcessEvents(RecordProcesses processes, TenantScope tenantScope) {
        this.processes = processes;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(RecordDeleted event) {
        tenantScope.runAs(
                event.tenantId(),
                () -> processes.cancel(
                        event.tenantId(),
                        event.recordType(),
                        event.recordId(),
                        "The " + event.recordType() + " was deleted"));
    }
}
