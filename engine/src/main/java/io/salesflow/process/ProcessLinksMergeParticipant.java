package io.salesflow.process;

import io.salesflow.records.MergeParticipant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Running processes about a merged record follow it to the survivor: a business key {@code <type>:<id>} (how our
 * processes are started, e.g. {@code lead:<id>}) and a process variable {@code <type>Id} holding the id (e.g.
 * {@code leadId}) are rewritten. The engine shares the merge's transaction, so a refused merge changes no process.
 */
@Component
class ProcessLinksMergeParticipant implements MergeParticipant {

    /** More running processes than this about one record would be a runaway: the merge is not the place to find out. */
    private static final int MAX_PER_RECORD = RecordProcesses.MAX_PER_RECORD;

    private final RuntimeService runtime;
    private final CommandExecutor commands;
    private final Tenants tenants;

    ProcessLinksMergeParticipant(ProcessEngine engine, Tenants tenants) {
        this.runtime = engine.getRuntimeService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.tenants = tenants;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        String tenant = tenants.findById(TenantContext.require()).orElseThrow().getSlug();
        String type = merge.recordType();
        String variable = type + "Id";
        String survivorKey = type + ":" + merge.survivorId();
        Set<String> moved = new LinkedHashSet<>();
        for (UUID merged : merge.mergedIds()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .tenantIdIn(tenant)
                    .processInstanceBusinessKey(type + ":" + merged)
                    .listPage(0, MAX_PER_RECORD)) {
                rekey(instance.getId(), survivorKey);
                if (merged.toString().equals(runtime.getVariable(instance.getId(), RecordProcesses.RECORD_ID))) {
                    runtime.setVariable(
                            instance.getId(),
                            RecordProcesses.RECORD_ID,
                            merge.survivorId().toString());
                }
                moved.add(instance.getId());
            }
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .tenantIdIn(tenant)
                    .variableValueEquals(variable, merged.toString())
                    .listPage(0, MAX_PER_RECORD)) {
                runtime.setVariable(
                        instance.getId(), variable, merge.survivorId().toString());
                moved.add(instance.getId());
            }
        }
        return Map.of("processes", moved.size());
    }

    /**
     * Camunda 7 has no public call that changes a running instance's business key; a process does it through
     * {@code execution.setProcessBusinessKey}, which also writes the history. This runs the same from outside.
     */
    private void rekey(String processInstanceId, String businessKey) {
        commands.execute(context -> {
            ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
            instance.setProcessBusinessKey(businessKey);
            return null;
        });
    }
}
