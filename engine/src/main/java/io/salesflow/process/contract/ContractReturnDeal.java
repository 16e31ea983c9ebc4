package io.salesflow.process.contract;

import io.salesflow.contract.ContractSteps;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A declined contract sends its deal back one stage; who declined and why go to the owner's task. */
@Component("contractReturnDeal")
@ProcessBean("Contract signing: sends the deal of a declined contract back to the stage before, naming who declined")
class ContractReturnDeal implements JavaDelegate {

    private final ContractSteps steps;

    ContractReturnDeal(ContractSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID contractId = UUID.fromString((String) execution.getVariable(ContractSigningProcess.CONTRACT_ID));
        ContractSteps.Declined declined = steps.declined(contractId);
        execution.setVariable(ContractSigningProcess.DECLINED_BY, declined.signerName());
        execution.setVariable(ContractSigningProcess.DECLINE_REASON, declined.reason());
        execution.setVariable(ContractSigningProcess.RETURNED_TO, steps.returnDeal(contractId));
    }
}
