package io.salesflow.process.sequence;

import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.SequenceSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the step's variant (email, SMS or WhatsApp) through the outbox, in the step's transaction. */
@Component("sequenceSendStep")
@ProcessBean("Follow-up sequence: sends step stepNumber's variant to the record; sets sendStatus")
class SequenceSendStepDelegate implements JavaDelegate {

    private final SequenceSteps steps;

    SequenceSendStepDelegate(SequenceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String status =
                steps.send(SequenceProcess.enrolmentId(execution), SequenceProcess.stepNumber(execution), (String)
                        execution.getVariable(SequenceProcess.VARIANT));
        execution.setVariable(SequenceProcess.SEND_STATUS, status);
    }
}
