package io.salesflow.process.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.process.EngineIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval inbox ({@code /api/v1/approvals}): approval tasks are the tasks an approval process tags with the
 * role they are for ({@code approverRole}); deciding one completes it with the decision and reason, as any task,
 * so the same checks, the process's recording on the deal and the audit apply.
 */
@Service
public class Approvals {

    static final int MAX_BULK = 100;

    private final Tasks tasks;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final TransactionTemplate eachOnItsOwn;

    Approvals(
            Tasks tasks,
            TaskService taskService,
            RuntimeService runtime,
            ObjectMapper json,
            PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.runtime = runtime;
        this.json = json;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
    }

    public CursorPage<ApprovalView> pending(String cursor, int limit) {
        Caller caller = Caller.require();
        int offset = Tasks.offset(cursor);
        List<Task> page = tasks.asCaller(caller, () -> tasks.visibleTo(caller)
                .taskVariableValueLike("approverRole", "%")
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .listPage(offset, limit + 1));
        List<ApprovalView> items = views(page.subList(0, Math.min(limit, page.size())));
        return new CursorPage<>(
                items, page.size() > limit ? CursorPage.encode(Integer.toString(offset + limit)) : null);
    }

    public void decide(String taskId, String decision, String reason) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw Problem.invalid("decision", "must be approve or reject");
        }
        if ("reject".equals(decision) && (reason == null || reason.isBlank())) {
            throw Problem.invalid("reason", "is required to reject: the rep reads it to rework the deal");
        }
        requireApproval(taskId);
        ObjectNode variables = json.createObjectNode().put("decision", decision);
        if (reason != null && !reason.isBlank()) {
            variables.put("reason", reason);
        }
        tasks.complete(taskId, variables);
    }

    /** Approves each task in its own transaction; one that fails leaves the others approved. */
    public List<Map<String, Object>> approveAll(List<String> taskIds, String reason) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw Problem.invalid("taskIds", "must list at least one approval");
        }
        if (taskIds.size() > MAX_BULK) {
            throw Problem.invalid("taskIds", "must list at most " + MAX_BULK + " approvals");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : taskIds) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("taskId", id);
            try {
                eachOnItsOwn.executeWithoutResult(s -> decide(id, "approve", reason));
                result.put("status", 204);
            } catch (Problem p) {
                result.put("status", p.status());
                result.put("detail", p.getMessage());
            }
            results.add(result);
        }
        return results;
    }

    private void requireApproval(String taskId) {
        Caller caller = Caller.require();
        Task task = tasks.asCaller(caller, () -> tasks.visible(caller, taskId));
        if (taskService.getVariableLocal(task.getId(), "approverRole") == null) {
            throw Problem.notFound("Approval", taskId);
        }
    }

    private List<ApprovalView> views(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> process = new HashMap<>();
        Map<String, Map<String, Object>> local = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(
                        page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableNameIn(
                        "dealId",
                        "approvalId",
                        "dealName",
                        "amount",
                        "currency",
                        "discountPercent",
                        "marginPercent",
                        "region")
                .listPage(0, 8 * page.size())) {
            if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                process.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue());
            }
        }
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
                .variableNameIn("approverRole", "level", "why")
                .listPage(0, 3 * page.size())) {
            local.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        return page.stream()
                .map(t -> {
                    Map<String, Object> p = process.getOrDefault(t.getProcessInstanceId(), Map.of());
                    Map<String, Object> l = local.getOrDefault(t.getId(), Map.of());
                    return new ApprovalView(
                            t.getId(),
                            EngineIds.uuidOrNull((String) p.get("dealId")),
                            EngineIds.uuidOrNull((String) p.get("approvalId")),
                            (String) p.get("dealName"),
                            (Double) p.get("amount"),
                            (String) p.get("currency"),
                            (Double) p.get("discountPercent"),
                            (Double) p.get("marginPercent"),
                            (String) p.get("region"),
                            l.get("level") instanceof Number n ? n.intValue() : 0,
                            (String) l.get("approverRole"),
                            (String) l.get("why"),
                            EngineIds.uuidOrNull(t.getAssignee()),
                            EngineIds.uuidOrNull(t.getOwner()),
                            t.getCreateTime().toInstant(),
                            t.getDueDate() == null ? null : t.getDueDate().toInstant());
                })
                .toList();
    }
}
