package io.salesflow.process.sequence;

import io.salesflow.process.RecordProcesses;
import io.salesflow.process.TenantSwitch;
import io.salesflow.sequence.SequenceRunner;
import io.salesflow.tenancy.TenantContext;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Runs each enrolment as one instance of the tenant's {@code follow-up-sequence} process, on the record's business
 * key, started in the enrolling transaction (its first step runs in it too).
 */
@Component
class SequenceProcessRunner implements SequenceRunner {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TenantSwitch tenants;

    SequenceProcessRunner(RuntimeService runtime, ManagementService management, TenantSwitch tenants) {
        this.runtime = runtime;
        this.management = management;
        this.tenants = tenants;
    }

    @Override
    public String start(UUID enrolmentId, String recordType, UUID recordId) {
        return runtime.createProcessInstanceByKey(SequenceProcess.KEY)
                .processDefinitionTenantId(tenants.slugOf(TenantContext.require()))
                .businessKey(RecordProcesses.businessKey(recordType, recordId))
                .setVariable(SequenceProcess.ENROLMENT_ID, enrolmentId.toString())
                .setVariable(RecordProcesses.RECORD_TYPE, recordType)
                .setVariable(RecordProcesses.RECORD_ID, recordId.toString())
                .execute()
                .getId();
    }

    @Override
    public boolean endWaitNow(String processInstanceId) {
        var timers = management
                .createJobQuery()
                .tenantIdIn(tenants.slugOf(TenantContext.require()))
                .processInstanceId(processInstanceId)
                .activityId("Timer_WaitOver")
                .timers()
                .listPage(0, 1);
        timers.forEach(job -> management.executeJob(job.getId()));
        return !timers.isEmpty();
    }

    @Override
    public void cancel(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .tenantIdIn(tenants.slugOf(TenantContext.require()))
                        .count()
                > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }
}
