package io.salesflow.process.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.process.RecordProcesses;
import io.salesflow.process.admin.Incidents.OpenIncident;
import io.salesflow.process.admin.PlainValues.InstanceVariable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process instances of the caller's workspace, for ops: running ones listed and filtered, one with where it has
 * been and what it holds, and suspending, resuming and cancelling one (with a reason), each audited.
 */
@Service
public class ProcessInstances {

    /** The activities shown of one instance: its latest. */
    static final int MAX_ACTIVITIES = 500;

    static final int MAX_VARIABLES = 200;

    static final int MAX_REASON = 500;

    /** What the instance list is narrowed to; null means any. */
    public record Filter(
            String processKey,
            Integer version,
            String definitionId,
            String businessKey,
            String state,
            Boolean withIncidents) {}

    /** A running instance: what it runs, on which record, since when, where it waits now. */
    public record ProcessInstanceView(
            String id,
            String processKey,
            String processName,
            Integer version,
            String definitionId,
            String businessKey,
            String recordType,
            String recordId,
            String state,
            Instant startedAt,
            List<String> currentActivityIds,
            long openIncidents) {}

    /** One instance, running or ended, with its activities (oldest first), open incidents and variables. */
    public record ProcessInstanceDetail(
            String id,
            String processKey,
            String processName,
            Integer version,
            String definitionId,
            String businessKey,
            String recordType,
            String recordId,
            String state,
            Instant startedAt,
            Instant endedAt,
            String deleteReason,
            List<String> currentActivityIds,
            List<OpenIncident> incidents,
            List<InstanceActivity> activities,
            boolean activitiesTruncated,
            List<InstanceVariable> variables) {}

    /** A step of the instance's history. */
    public record InstanceActivity(
            String id,
            String activityId,
            String activityName,
            String activityType,
            Instant startedAt,
            Instant endedAt,
            boolean canceled) {}

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final Incidents incidents;
    private final AdminCalls calls;
    private final AuditLog audit;
    private final ObjectMapper json;

    ProcessInstances(
            RuntimeService runtime,
            HistoryService history,
            RepositoryService repository,
            Incidents incidents,
            AdminCalls calls,
            AuditLog audit,
            ObjectMapper json) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.incidents = incidents;
        this.calls = calls;
        this.audit = audit;
        this.json = json;
    }

    /** Running (and suspended) instances, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<ProcessInstanceView> list(Filter filter, String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        if (filter.version() != null && filter.processKey() == null) {
            throw Problem.invalid("version", "goes with processKey");
        }
        if (filter.state() != null
                && !filter.state().equals("running")
                && !filter.state().equals("suspended")) {
            throw Problem.invalid("state", "must be running or suspended");
        }
        return calls.asCaller(() -> {
            String tenant = AdminCalls.tenant();
            HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                    .tenantIdIn(tenant)
                    .unfinished();
            if (filter.processKey() != null) {
                query.processDefinitionKey(filter.processKey());
            }
            if (filter.version() != null) {
                ProcessDefinition version = repository
                        .createProcessDefinitionQuery()
                        .tenantIdIn(tenant)
                        .processDefinitionKey(filter.processKey())
                        .processDefinitionVersion(filter.version())
                        .singleResult();
                if (version == null) {
                    return new CursorPage<ProcessInstanceView>(List.of(), null);
                }
                query.processDefinitionId(version.getId());
            }
            if (filter.definitionId() != null) {
                query.processDefinitionId(filter.definitionId());
            }
            if (filter.businessKey() != null) {
                query.processInstanceBusinessKey(filter.businessKey());
            }
            if ("running".equals(filter.state())) {
                query.active();
            } else if ("suspended".equals(filter.state())) {
                query.suspended();
            }
            if (Boolean.TRUE.equals(filter.withIncidents())) {
                query.incidentStatus("open");
            }
            List<HistoricProcessInstance> page = query.orderByProcessInstanceStartTime()
                    .desc()
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(offset, limit + 1);
            return AdminCalls.page(views(page), offset, limit);
        });
    }

    @Transactional(readOnly = true)
    public ProcessInstanceDetail get(String id) {
        return calls.asCaller(() -> {
            HistoricProcessInstance instance = historic(id);
            ProcessInstanceView view = views(List.of(instance)).get(0);
            List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                    .processInstanceId(id)
                    .orderByHistoricActivityInstanceStartTime()
                    .desc()
                    .orderPartiallyByOccurrence()
                    .desc()
                    .listPage(0, MAX_ACTIVITIES + 1);
            boolean truncated = steps.size() > MAX_ACTIVITIES;
            List<InstanceActivity> activities = new ArrayList<>(steps.stream()
                    .limit(MAX_ACTIVITIES)
                    .map(a -> new InstanceActivity(
                            a.getId(),
                            a.getActivityId(),
                            a.getActivityName(),
                            a.getActivityType(),
                            AdminCalls.instant(a.getStartTime()),
                            AdminCalls.instant(a.getEndTime()),
                            a.isCanceled()))
                    .toList());
            Collections.reverse(activities);
            List<InstanceVariable> variables = history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(id)
                    .executionIdIn(id)
                    .disableBinaryFetching()
                    .disableCustomObjectDeserialization()
                    .orderByVariableName()
                    .asc()
                    .listPage(0, MAX_VARIABLES)
                    .stream()
                    .map(v -> PlainValues.view(v.getName(), v.getTypedValue(), json))
                    .toList();
            boolean running = instance.getEndTime() == null;
            return new ProcessInstanceDetail(
                    view.id(),
                    view.processKey(),
                    view.processName(),
                    view.version(),
                    view.definitionId(),
                    view.businessKey(),
                    view.recordType(),
                    view.recordId(),
                    view.state(),
                    view.startedAt(),
                    AdminCalls.instant(instance.getEndTime()),
                    instance.getDeleteReason(),
                    view.currentActivityIds(),
                    running ? incidents.ofInstance(id, 100) : List.of(),
                    activities,
                    truncated,
                    variables);
        });
    }

    @Transactional
    public ProcessInstanceView suspend(String id) {
        return calls.asCaller(() -> {
            ProcessInstanceView before = view(running(id));
            runtime.updateProcessInstanceSuspensionState()
                    .byProcessInstanceId(id)
                    .suspend();
            ProcessInstanceView after = view(running(id));
            audit.record(
                    "process_instance.suspended",
                    "process_instance",
                    id,
                    Map.of("state", before.state()),
                    Map.of("state", after.state()));
            return after;
        });
    }

    @Transactional
    public ProcessInstanceView resume(String id) {
        return calls.asCaller(() -> {
            ProcessInstanceView before = view(running(id));
            runtime.updateProcessInstanceSuspensionState()
                    .byProcessInstanceId(id)
                    .activate();
            ProcessInstanceView after = view(running(id));
            audit.record(
                    "process_instance.resumed",
                    "process_instance",
                    id,
                    Map.of("state", before.state()),
                    Map.of("state", after.state()));
            return after;
        });
    }

    /** Ends the instance where it stands; the reason is kept in its history and in the audit log. */
    @Transactional
    public void cancel(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "is required: say why the instance is cancelled");
        }
        if (reason.length() > MAX_REASON) {
            throw Problem.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        calls.asCaller(() -> {
            ProcessInstanceView before = view(running(id));
            runtime.deleteProcessInstance(id, reason.strip());
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("processKey", before.processKey());
            state.put("version", before.version());
            state.put("businessKey", before.businessKey());
            state.put("state", before.state());
            state.put("currentActivityIds", before.currentActivityIds());
            audit.record(
                    "process_instance.cancelled",
                    "process_instance",
                    id,
                    state,
                    Map.of("state", "cancelled", "reason", reason.strip()));
            return null;
        });
    }

    /** A running instance of the workspace: one that ended is a 409, one that never was (here) a 404. */
    private ProcessInstance running(String id) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .tenantIdIn(AdminCalls.tenant())
                .processInstanceId(id)
                .singleResult();
        if (instance == null) {
            historic(id);
            throw Problem.conflict("The process instance has ended");
        }
        return instance;
    }

    private HistoricProcessInstance historic(String id) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .tenantIdIn(AdminCalls.tenant())
                .processInstanceId(id)
                .singleResult();
        if (instance == null) {
            throw Problem.notFound("Process instance", id);
        }
        return instance;
    }

    private ProcessInstanceView view(ProcessInstance instance) {
        return views(List.of(historic(instance.getId()))).get(0);
    }

    private List<ProcessInstanceView> views(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Map<String, String>> records = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .tenantIdIn(AdminCalls.tenant())
                .variableScopeIdIn(ids)
                .variableNameIn(RecordProcesses.RECORD_TYPE, RecordProcesses.RECORD_ID)
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .listPage(0, ids.length * 2)) {
            if (v.getValue() instanceof String value) {
                records.computeIfAbsent(v.getProcessInstanceId(), i -> new HashMap<>())
                        .put(v.getName(), value);
            }
        }
        return instances.stream()
                .map(i -> {
                    boolean running = i.getEndTime() == null;
                    Map<String, String> record = records.getOrDefault(i.getId(), Map.of());
                    return new ProcessInstanceView(
                            i.getId(),
                            i.getProcessDefinitionKey(),
                            i.getProcessDefinitionName(),
                            i.getProcessDefinitionVersion(),
                            i.getProcessDefinitionId(),
                            i.getBusinessKey(),
                            record.get(RecordProcesses.RECORD_TYPE),
                            record.get(RecordProcesses.RECORD_ID),
                            state(i),
                            AdminCalls.instant(i.getStartTime()),
                            running ? currentActivities(i.getId()) : List.of(),
                            running
                                    ? runtime.createIncidentQuery()
                                            .tenantIdIn(AdminCalls.tenant())
                                            .processInstanceId(i.getId())
                                            .count()
                                    : 0);
                })
                .toList();
    }

    /** Where the instance is now: the activities it waits in or is about to run (an async continuation). */
    private List<String> currentActivities(String id) {
        ActivityInstance root = runtime.getActivityInstance(id);
        TreeSet<String> current = new TreeSet<>();
        if (root != null) {
            collect(root, current);
        }
        return List.copyOf(current);
    }

    private static void collect(ActivityInstance instance, TreeSet<String> into) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            into.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                into.add(child.getActivityId());
            } else {
                collect(child, into);
            }
        }
    }

    private static String state(HistoricProcessInstance instance) {
        return switch (instance.getState()) {
            case HistoricProcessInstance.STATE_ACTIVE -> "running";
            case HistoricProcessInstance.STATE_SUSPENDED -> "suspended";
            case HistoricProcessInstance.STATE_COMPLETED -> "completed";
            default -> "cancelled";
        };
    }
}
