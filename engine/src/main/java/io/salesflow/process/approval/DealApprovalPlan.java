package io.salesflow.process.approval;

import io.salesflow.process.ProcessBean;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns the decision table's matching rules into the levels the approval runs through, in order. */
@Component("dealApprovalPlan")
@ProcessBean("Deal approval: sets levels, approvalNeeded, approvalSla and rejected from the decision's approvalRules")
class DealApprovalPlan implements JavaDelegate {

    private final String sla;

    DealApprovalPlan(@Value("${salesflow.processes.approval-sla:PT8H}") String sla) {
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalRules rules = ApprovalRules.of(execution);
        execution.setVariable("levels", new ArrayList<>(rules.levels()));
        execution.setVariable("approvalNeeded", !rules.levels().isEmpty());
        execution.setVariable("approvalSla", sla);
        execution.setVariable("ruleNames", rules.all());
        execution.setVariable("rejected", false);
    }
}
