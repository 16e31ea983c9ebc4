package io.salesflow.process.task;

import io.salesflow.identity.Caller;
import io.salesflow.process.EngineIds;
import io.salesflow.process.task.TaskView.TaskRecord;
import io.salesflow.records.RecordTitles;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Turns engine tasks into {@link TaskView}s a page at a time: one query for the records the page's instances run
 * on, one per record type for their titles, process definitions from a cache (a deployed definition never changes).
 */
@Component
class TaskViews {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

    private final RecordTitles titles;

    TaskViews(RuntimeService runtime, RepositoryService repository, RecordTitles titles) {
        this.runtime = runtime;
        this.repository = repository;
        this.titles = titles;
    }

    List<TaskView> of(List<Task> tasks) {
        Map<String, TaskRecord> records = titled(recordsOf(tasks.stream()
                .map(Task::getProcessInstanceId)
                .filter(id -> id != null)
                .collect(Collectors.toSet())));
        return tasks.stream()
                .map(t -> view(t, records.get(t.getProcessInstanceId())))
                .toList();
    }

    private TaskView view(Task task, TaskRecord record) {
        ProcessDefinition definition =
                task.getProcessDefinitionId() == null ? null : definition(task.getProcessDefinitionId());
        return new TaskView(
                task.getId(),
                task.getName(),
                definition == null ? null : definition.getKey(),
                definition == null ? null : definition.getName(),
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                EngineIds.uuidOrNull(task.getAssignee()),
                EngineIds.uuidOrNull(task.getOwner()),
                task.getDelegationState() == null
                        ? null
                        : task.getDelegationState().name().toLowerCase(java.util.Locale.ROOT),
                instant(task.getCreateTime()),
                instant(task.getDueDate()),
                instant(task.getFollowUpDate()),
                task.getPriority(),
                record,
                task.getCamundaFormRef() == null
                        ? null
                        : task.getCamundaFormRef().getKey(),
                null);
    }

    private ProcessDefinition definition(String id) {
        return definitions.computeIfAbsent(id, key -> repository.getProcessDefinition(key));
    }

    private Map<String, TaskRecord> recordsOf(Set<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableNameIn("recordType", "recordId")
                .listPage(0, 2 * instanceIds.size())) {
            if (v.getProcessInstanceId().equals(v.getExecutionId())) {
                byInstance
                        .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue());
            }
        }
        Map<String, TaskRecord> records = new HashMap<>();
        byInstance.forEach((instance, vars) -> {
            if (vars.get("recordType") instanceof String type && vars.get("recordId") instanceof String id) {
                records.put(instance, new TaskRecord(type, UUID.fromString(id), null));
            }
        });
        return records;
    }

    /** The records with the titles the caller may see: one query per record type on the page. */
    private Map<String, TaskRecord> titled(Map<String, TaskRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Caller caller = Caller.require();
        Map<String, Set<UUID>> idsByType = new HashMap<>();
        records.values().forEach(r -> idsByType
                .computeIfAbsent(r.type(), k -> new java.util.HashSet<>())
                .add(r.id()));
        Map<String, Map<UUID, String>> byType = new HashMap<>();
        idsByType.forEach((type, ids) -> byType.put(type, titles.of(caller, type, ids)));
        Map<String, TaskRecord> titled = new HashMap<>();
        records.forEach((instance, r) -> titled.put(
                instance,
                new TaskRecord(
                        r.type(),
                        r.id(),
                        byType.getOrDefault(r.type(), Map.of()).get(r.id()))));
        return titled;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
