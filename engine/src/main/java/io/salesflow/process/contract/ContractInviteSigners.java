package io.salesflow.process.contract;

import io.salesflow.contract.ContractSteps;
import io.salesflow.process.ProcessBean;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emails each signer a personal link to sign the contract, through the outbox. */
@Component("contractInviteSigners")
@ProcessBean("Contract signing: emails each signer a personal link to sign the contract, through the outbox")
class ContractInviteSigners implements JavaDelegate {

    private final ContractSteps steps;

    ContractInviteSigners(ContractSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.invite(UUID.fromString((String) execution.getVariable(ContractSigningProcess.CONTRACT_ID)));
    }
}
