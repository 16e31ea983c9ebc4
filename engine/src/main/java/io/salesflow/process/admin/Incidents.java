package io.salesflow.process.admin;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open incidents of the caller's workspace — a job or an external task that ran out of retries — and retrying
 * one: the failed job (or external task) gets one retry, due now, so the job executor (or a worker) runs it again.
 */
@Service
public class Incidents {

    /** An open incident: what failed where, and the job or external task that failed. */
    public record OpenIncident(
            String id,
            String type,
            String message,
            String activityId,
            String failedActivityId,
            String processInstanceId,
            String processDefinitionId,
            String processKey,
            Instant occurredAt,
            String jobId,
            String externalTaskId) {}

    /** What a retry did: the job or external task that runs again, with its retries. */
    public record IncidentRetry(String incidentId, String jobId, String externalTaskId, int retries) {}

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ExternalTaskService externalTasks;
    private final RepositoryService repository;
    private final AdminCalls calls;
    private final AuditLog audit;

    Incidents(
            RuntimeService runtime,
            ManagementService management,
            ExternalTaskService externalTasks,
            RepositoryService repository,
            AdminCalls calls,
            AuditLog audit) {
        this.runtime = runtime;
        this.management = management;
        this.externalTasks = externalTasks;
        this.repository = repository;
        this.calls = calls;
        this.audit = audit;
    }

    /** Open incidents, newest first; of one instance or of one process (key) when asked. */
    @Transactional(readOnly = true)
    public CursorPage<OpenIncident> list(String processInstanceId, String processKey, String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        return calls.asCaller(() -> {
            IncidentQuery query = runtime.createIncidentQuery().tenantIdIn(AdminCalls.tenant());
            if (processInstanceId != null) {
                query.processInstanceId(processInstanceId);
            }
            if (processKey != null) {
                query.processDefinitionKeyIn(processKey);
            }
            List<Incident> page = query.orderByIncidentTimestamp()
                    .desc()
                    .orderByIncidentId()
                    .asc()
                    .listPage(offset, limit + 1);
            return AdminCalls.page(views(page), offset, limit);
        });
    }

    /** The open incidents of one instance, newest first (at most {@code max}). */
    List<OpenIncident> ofInstance(String processInstanceId, int max) {
        return views(runtime.createIncidentQuery()
                .tenantIdIn(AdminCalls.tenant())
                .processInstanceId(processInstanceId)
                .orderByIncidentTimestamp()
                .desc()
                .listPage(0, max));
    }

    @Transactional
    public IncidentRetry retry(String id) {
        return calls.asCaller(() -> {
            Incident incident = incident(id);
            // An incident passed up to a calling instance has its cause in the called one: that job is retried.
            Incident cause = incident.getRootCauseIncidentId() == null
                            || incident.getRootCauseIncidentId().equals(incident.getId())
                    ? incident
                    : incident(incident.getRootCauseIncidentId());
            IncidentRetry retry;
            switch (cause.getIncidentType()) {
                case Incident.FAILED_JOB_HANDLER_TYPE -> {
                    if (cause.getConfiguration() == null) {
                        throw Problem.conflict("The incident names no job to retry");
                    }
                    management
                            .setJobRetries(1)
                            .jobId(cause.getConfiguration())
                            .dueDate(ClockUtil.getCurrentTime())
                            .execute();
                    retry = new IncidentRetry(id, cause.getConfiguration(), null, 1);
                }
                case Incident.EXTERNAL_TASK_HANDLER_TYPE -> {
                    if (cause.getConfiguration() == null) {
                        throw Problem.conflict("The incident names no external task to retry");
                    }
                    externalTasks.setRetries(cause.getConfiguration(), 1);
                    retry = new IncidentRetry(id, null, cause.getConfiguration(), 1);
                }
                default ->
                    throw Problem.conflict("An incident of type " + cause.getIncidentType()
                            + " is not retried: resolve its cause in the process");
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("type", cause.getIncidentType());
            before.put("message", cause.getIncidentMessage());
            before.put("activityId", cause.getActivityId());
            before.put("processInstanceId", cause.getProcessInstanceId());
            audit.record("incident.retried", "incident", id, before, retry);
            return retry;
        });
    }

    private Incident incident(String id) {
        Incident incident = runtime.createIncidentQuery()
                .tenantIdIn(AdminCalls.tenant())
                .incidentId(id)
                .singleResult();
        if (incident == null) {
            throw Problem.notFound("Incident", id);
        }
        return incident;
    }

    private List<OpenIncident> views(List<Incident> incidents) {
        Map<String, String> keys = new HashMap<>();
        return incidents.stream()
                .map(i -> {
                    boolean job = Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType());
                    boolean externalTask = Incident.EXTERNAL_TASK_HANDLER_TYPE.equals(i.getIncidentType());
                    return new OpenIncident(
                            i.getId(),
                            i.getIncidentType(),
                            i.getIncidentMessage(),
                            i.getActivityId(),
                            i.getFailedActivityId(),
                            i.getProcessInstanceId(),
                            i.getProcessDefinitionId(),
                            i.getProcessDefinitionId() == null
                                    ? null
                                    : keys.computeIfAbsent(i.getProcessDefinitionId(), d -> repository
                                            .getProcessDefinition(d)
                                            .getKey()),
                            AdminCalls.instant(i.getIncidentTimestamp()),
                            job ? i.getConfiguration() : null,
                            externalTask ? i.getConfiguration() : null);
                })
                .toList();
    }
}
