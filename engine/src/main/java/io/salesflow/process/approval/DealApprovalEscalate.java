package io.salesflow.process.approval;

import io.salesflow.audit.AuditLog;
import io.salesflow.process.EngineGroups;
import io.salesflow.process.ProcessBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An approver let the SLA pass: the task goes up to the next manager, the head of sales (the {@code org_admin}
 * role), as an open task of their group at a higher priority; the approver it was with can still decide. Kept in
 * the audit log with the deal.
 */
@Component("dealApprovalEscalate")
@ProcessBean("Deal approval: escalates an overdue approval task to the next manager up (org_admin)")
class DealApprovalEscalate implements JavaDelegate {

    static final String NEXT_UP = "org_admin";

    private final TaskService tasks;
    private final AuditLog audit;

    DealApprovalEscalate(TaskService tasks, AuditLog audit) {
        this.tasks = tasks;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String role = (String) execution.getVariable("approverRole");
        Task task = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("UserTask_Approve")
                .taskVariableValueEquals("approverRole", role)
                .singleResult();
        if (task == null) {
            return; // decided in the moment the timer fired
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("assignee", task.getAssignee());
        before.put("approverRole", role);
        tasks.addCandidateGroup(task.getId(), EngineGroups.role(execution.getTenantId(), NEXT_UP));
        tasks.setPriority(task.getId(), 90);
        if (!role.equals(NEXT_UP)) {
            tasks.setOwner(task.getId(), task.getAssignee());
            tasks.setAssignee(task.getId(), null);
        }
        audit.record(
                "deal.approval_escalated",
                "deal",
                UUID.fromString((String) execution.getVariable("dealId")),
                before,
                Map.of("escalatedTo", NEXT_UP, "taskId", task.getId()));
    }
}
