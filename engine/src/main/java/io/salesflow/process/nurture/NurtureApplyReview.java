package io.salesflow.process.nurture;

import io.salesflow.process.ProcessBean;
import io.salesflow.routing.LeadAssignments;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Carries out the manager's choice on an overdue first contact: on "reassign" the lead goes to the chosen rep
 * (a manual assignment by the manager, with their permissions) and so does the open first-contact task.
 */
@Component("nurtureApplyReview")
@ProcessBean("Lead nurture: reassigns the lead and its first-contact task when the manager chose to")
class NurtureApplyReview implements JavaDelegate {

    private final LeadAssignments assignments;
    private final TaskService tasks;

    NurtureApplyReview(LeadAssignments assignments, TaskService tasks) {
        this.assignments = assignments;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!"reassign".equals(execution.getVariable("action"))) {
            return;
        }
        UUID newOwner = UUID.fromString((String) execution.getVariable("newOwnerId"));
        assignments.reassign(
                NurtureLead.id(execution), newOwner, null, "First contact overdue: reassigned by the manager", null);
        execution.setVariable("ownerId", newOwner.toString());
        tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("UserTask_FirstContact")
                .listPage(0, 10)
                .forEach(t -> tasks.setAssignee(t.getId(), newOwner.toString()));
    }
}
