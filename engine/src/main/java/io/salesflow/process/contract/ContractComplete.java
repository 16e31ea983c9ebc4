package io.salesflow.process.contract;

import io.salesflow.contract.ContractSteps;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the signed copy with its certificate page and sends each signer its link. */
@Component("contractComplete")
@ProcessBean("Contract signing: stores the signed copy with its certificate page and sends each signer its link")
class ContractComplete implements JavaDelegate {

    private final ContractSteps steps;

    ContractComplete(ContractSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.complete(UUID.fromString((String) execution.getVariable(ContractSigningProcess.CONTRACT_ID)));
    }
}
