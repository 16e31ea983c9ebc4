package io.salesflow.process.record;

import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.EngineIds;
import io.salesflow.process.RecordProcesses;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The processes on a record, for whoever may read the record. */
@RestController
@Tag(name = "Processes")
class RecordProcessesController {

    /** Newest first; a record with more has had a busy life, and its timeline keeps the rest. */
    static final int MAX = 50;

    private static final Set<String> TYPES = Set.of("leads", "contacts", "accounts", "deals");

    private final List<RecordType> types;
    private final RecordLifecycle records;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;

    RecordProcessesController(
            List<RecordType> types,
            RecordLifecycle records,
            HistoryService history,
            RuntimeService runtime,
            TaskService tasks,
            RepositoryService repository) {
        this.types = types;
        this.records = records;
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
    }

    @GetMapping("/api/v1/{collection}/{id}/processes")
    @Transactional(readOnly = true)
    @Operation(summary = "Running and finished processes on a lead, contact, account or deal, newest first")
    List<RecordProcessView> processes(@PathVariable String collection, @PathVariable UUID id) {
        RecordType type = types.stream()
                .filter(t -> TYPES.contains(collection) && t.table().equals(collection))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Collection", collection));
        if (!records.isVisible(type, id)) {
            throw Problem.notFound(type.name(), id);
        }
        String tenant = Caller.require().tenantSlug();
        return history
                .createHistoricProcessInstanceQuery()
                .tenantIdIn(tenant)
                .processInstanceBusinessKey(RecordProcesses.businessKey(type.name(), id))
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, MAX)
                .stream()
                .map(this::view)
                .toList();
    }

    private RecordProcessView view(HistoricProcessInstance instance) {
        ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
        boolean running = instance.getEndTime() == null;
        List<RecordProcessView.Activity> current = running
                ? history
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId())
                        .unfinished()
                        .listPage(0, MAX)
                        .stream()
                        .filter(a -> !a.getActivityType().endsWith("Body")
                                && !a.getActivityType().equals("subProcess"))
                        .map(a -> new RecordProcessView.Activity(a.getActivityId(), a.getActivityName()))
                        .toList()
                : List.of();
        List<RecordProcessView.OpenTask> open = running
                ? tasks.createTaskQuery().processInstanceId(instance.getId()).listPage(0, MAX).stream()
                        .map(t -> new RecordProcessView.OpenTask(
                                t.getId(),
                                t.getName(),
                                EngineIds.uuidOrNull(t.getAssignee()),
                                t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                        .toList()
                : List.of();
        List<RecordProcessView.IncidentView> incidents = running
                ? runtime.createIncidentQuery().processInstanceId(instance.getId()).listPage(0, MAX).stream()
                        .map(i -> new RecordProcessView.IncidentView(
                                i.getId(),
                                i.getActivityId(),
                                i.getIncidentType(),
                                i.getIncidentMessage(),
                                i.getIncidentTimestamp().toInstant()))
                        .toList()
                : List.of();
        return new RecordProcessView(
                instance.getId(),
                definition.getKey(),
                definition.getName(),
                definition.getVersion(),
                state(instance),
                instance.getStartTime().toInstant(),
                instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
                current,
                open,
                incidents);
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
