package io.salesflow.process.approval;

import io.salesflow.deal.DealApprovals;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an approver's decision on the deal as the task completes: who, at which level, why (the rules that asked
 * for them), with the reason; a rejection ends the approval (the multi-instance completion conditions read
 * {@code rejected}) and is carried out by {@link DealApprovalReject}. A rejection without a reason is refused and
 * the task stays open.
 */
@Component("dealApprovalRecord")
@ProcessBean("Deal approval: task listener (complete) recording the approver's decision and reason on the deal")
class DealApprovalRecord implements TaskListener {

    private final DealApprovals approvals;

    DealApprovalRecord(DealApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = (String) task.getVariable("decision");
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw Problem.invalid("variables.decision", "must be approve or reject");
        }
        String reason = (String) task.getVariable("reason");
        UUID approver = Caller.current()
                .map(Caller::userId)
                .orElseGet(() -> task.getAssignee() == null ? null : UUID.fromString(task.getAssignee()));
        int level = ((Number) task.getVariableLocal("level")).intValue();
        String rule = (String) task.getVariableLocal("why");
        approvals.recordDecision(
                UUID.fromString((String) task.getVariable("dealId")),
                UUID.fromString((String) task.getVariable("approvalId")),
                approver,
                decision.equals("approve") ? DealApprovals.Decision.APPROVE : DealApprovals.Decision.REJECT,
                reason,
                level,
                rule);
        if (decision.equals("reject")) {
            task.getExecution().setVariable("rejected", true);
            task.getExecution().setVariable("rejectedBy", approver.toString());
            task.getExecution().setVariable("rejectionReason", reason);
            task.getExecution().setVariable("rejectionRule", rule);
        }
    }
}
