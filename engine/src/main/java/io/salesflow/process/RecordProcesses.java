package io.salesflow.process;

import io.salesflow.process.trigger.ProcessTriggers;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and steers the processes that run on a CRM record, for the current tenant: {@code <type>:<id>} is the
 * instance's business key (as merges expect), and the type and id are the {@code recordType} and {@code recordId}
 * variables that tasks and the record's process list read.
 */
@Component
public class RecordProcesses {

    public static final String RECORD_TYPE = "recordType";
    /** More running processes than this on one record would be a runaway, not something to end in one go. */
    static final int MAX_PER_RECORD = 1000;

    public static final String RECORD_ID = "recordId";

    /** The business key of the processes running on a record. */
    public static String businessKey(String recordType, UUID recordId) {
        return recordType + ":" + recordId;
    }

    private static final Logger log = LoggerFactory.getLogger(RecordProcesses.class);

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ProcessTriggers triggers;
    private final TenantSwitch tenants;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    RecordProcesses(
            RuntimeService runtime,
            RepositoryService repository,
            ProcessTriggers triggers,
            TenantSwitch tenants,
            ManagementService management,
            JdbcTemplate jdbc) {
        this.management = management;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.repository = repository;
        this.triggers = triggers;
        this.tenants = tenants;
    }

    /**
     * Starts the tenant's process for {@code event} on the record, unless the trigger is off or one already runs
     * on it (a durable event handled twice starts it once).
     */
    @Transactional
    public void start(UUID tenantId, String event, String recordType, UUID recordId, Map<String, Object> variables) {
        start(tenantId, event, recordType, recordId, variables, null);
    }

    /**
     * As {@link #start(UUID, String, String, UUID, Map)}, where what may run once is not the record but the value of
     * the variable {@code onceFor} (an approval request: a deal may have a rework task open from the last one).
     */
    @Transactional
    public void start(
            UUID tenantId,
            String event,
            String recordType,
            UUID recordId,
            Map<String, Object> variables,
            String onceFor) {
        String slug = tenants.slugOf(tenantId);
        String key = triggers.processFor(event).orElse(null);
        if (key == null) {
            return;
        }
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .tenantIdIn(slug)
                        .count()
                == 0) {
            log.warn("Workspace {} runs process '{}' for {}, but has no such process deployed", slug, key, event);
            return;
        }
        // Two starts for one record at once (an event handled on two replicas, a start by hand beside the event's)
        // would both find none running: the second waits here until the first commits, then finds it.
        String once = slug + "/" + key + "/" + businessKey(recordType, recordId)
                + (onceFor == null ? "" : "/" + variables.get(onceFor));
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, once);
        var running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(key)
                .tenantIdIn(slug)
                .processInstanceBusinessKey(businessKey(recordType, recordId));
        if (onceFor != null) {
            running.variableValueEquals(onceFor, variables.get(onceFor));
        }
        if (running.count() > 0) {
            return;
        }
        ProcessInstance started = runtime.createProcessInstanceByKey(key)
                .processDefinitionTenantId(slug)
                .businessKey(businessKey(recordType, recordId))
                .setVariable(RECORD_TYPE, recordType)
                .setVariable(RECORD_ID, recordId.toString())
                .setVariables(variables)
                .execute();
        log.debug("Started {} {} on {} {}", key, started.getId(), recordType, recordId);
    }

    /** Ends every process running on the record, with the reason kept in its history; how many it ended. */
    public int cancel(UUID tenantId, String recordType, UUID recordId, String reason) {
        var running = runtime.createProcessInstanceQuery()
                .tenantIdIn(tenants.slugOf(tenantId))
                .processInstanceBusinessKey(businessKey(recordType, recordId))
                .listPage(0, MAX_PER_RECORD);
        running.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
        return running.size();
    }

    /**
     * Runs a timer of the processes on the record now instead of when it is due (ops moving a process on, the demo
     * showing an escalation); whether one was waiting at {@code timerActivityId}.
     */
    public boolean runTimerNow(UUID tenantId, String recordType, UUID recordId, String timerActivityId) {
        var timers = management
                .createJobQuery()
                .tenantIdIn(tenants.slugOf(tenantId))
                .processInstanceId(runtime
                        .createProcessInstanceQuery()
                        .tenantIdIn(tenants.slugOf(tenantId))
                        .processInstanceBusinessKey(businessKey(recordType, recordId))
                        .listPage(0, 1)
                        .stream()
                        .findFirst()
                        .map(i -> i.getId())
                        .orElse("none"))
                .activityId(timerActivityId)
                .timers()
                .listPage(0, 1);
        timers.forEach(job -> management.executeJob(job.getId()));
        return !timers.isEmpty();
    }

    /**
     * Delivers {@code message} to every instance on the record waiting for it; none waiting is fine (nurture
     * listens for a status change only between touches).
     */
    public int correlate(
            UUID tenantId, String recordType, UUID recordId, String message, Map<String, Object> variables) {
        return correlate(tenantId, recordType, recordId, message, variables, Map.of());
    }

    /** As {@link #correlate(UUID, String, UUID, String, Map)}, only to instances whose variables have the given values. */
    public int correlate(
            UUID tenantId,
            String recordType,
            UUID recordId,
            String message,
            Map<String, Object> variables,
            Map<String, Object> instanceVariables) {
        var correlation = runtime.createMessageCorrelation(message)
                .tenantId(tenants.slugOf(tenantId))
                .processInstanceBusinessKey(businessKey(recordType, recordId))
                .setVariables(variables);
        instanceVariables.forEach(correlation::processInstanceVariableEquals);
        return correlation.correlateAllWithResult().size();
    }
}
