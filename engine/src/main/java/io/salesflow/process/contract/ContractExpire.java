package io.salesflow.process.contract;

import io.salesflow.contract.ContractSteps;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks a contract nobody finished signing as expired. */
@Component("contractExpire")
@ProcessBean("Contract signing: marks a contract nobody finished signing as expired")
class ContractExpire implements JavaDelegate {

    private final ContractSteps steps;

    ContractExpire(ContractSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.expire(UUID.fromString((String) execution.getVariable(ContractSigningProcess.CONTRACT_ID)));
    }
}
