package io.salesflow.process.approval;

import io.salesflow.deal.DealApprovals;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A rejection, carried out on the deal: it returns to the stage it came from, with the approver's reason. */
@Component("dealApprovalReject")
@ProcessBean("Deal approval: rejects the approval request; the deal returns to its previous stage")
class DealApprovalReject implements JavaDelegate {

    private final DealApprovals approvals;

    DealApprovalReject(DealApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.reject(
                UUID.fromString((String) execution.getVariable("approvalId")),
                UUID.fromString((String) execution.getVariable("rejectedBy")),
                (String) execution.getVariable("rejectionReason"),
                (String) execution.getVariable("rejectionRule"));
    }
}
