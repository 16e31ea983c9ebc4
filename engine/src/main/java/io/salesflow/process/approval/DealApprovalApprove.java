package io.salesflow.process.approval;

import io.salesflow.deal.DealApprovals;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every level approved, or none needed: the deal's approval request is approved and the deal may move on. */
@Component("dealApprovalApprove")
@ProcessBean("Deal approval: approves the deal's approval request; the deal may move past the stage")
class DealApprovalApprove implements JavaDelegate {

    private final DealApprovals approvals;

    DealApprovalApprove(DealApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String rules = (String) execution.getVariable("ruleNames");
        approvals.approve(
                UUID.fromString((String) execution.getVariable("approvalId")),
                rules == null || rules.isBlank() ? null : rules);
    }
}
