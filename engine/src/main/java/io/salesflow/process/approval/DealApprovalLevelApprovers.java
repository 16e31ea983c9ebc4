package io.salesflow.process.approval;

import io.salesflow.process.ProcessBean;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The approver roles of the level now running, for the level's parallel approvals. */
@Component("dealApprovalLevelApprovers")
@ProcessBean("Deal approval: sets approverRoles, the roles asked at the current level")
class DealApprovalLevelApprovers implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        int level = ((Number) execution.getVariable("level")).intValue();
        execution.setVariableLocal(
                "approverRoles", new ArrayList<>(ApprovalRules.of(execution).rolesAt(level)));
    }
}
