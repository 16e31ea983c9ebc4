package io.salesflow.process.contract;

import io.salesflow.contract.ContractSteps;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emails a fresh link to each signer who has not signed the contract yet. */
@Component("contractRemindSigners")
@ProcessBean("Contract signing: emails a fresh link to each signer who has not signed the contract yet")
class ContractRemindSigners implements JavaDelegate {

    private final ContractSteps steps;

    ContractRemindSigners(ContractSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.remind(UUID.fromString((String) execution.getVariable(ContractSigningProcess.CONTRACT_ID)));
    }
}
