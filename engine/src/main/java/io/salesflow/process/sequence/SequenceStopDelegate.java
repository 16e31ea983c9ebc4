package io.salesflow.process.sequence;

import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.SequenceSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends the enrolment for the answer named by the input {@code reason} ({@code replied}, {@code bounced},
 * {@code unsubscribed}, {@code meeting}); a bounce or unsubscribe also marks the contact.
 */
@Component("sequenceStop")
@ProcessBean("Follow-up sequence: stops the enrolment for input reason (replied, bounced, unsubscribed, meeting)")
class SequenceStopDelegate implements JavaDelegate {

    private final SequenceSteps steps;

    SequenceStopDelegate(SequenceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable("reason");
        if (reason == null) {
            throw new IllegalArgumentException("The stop step needs a reason input");
        }
        steps.stop(SequenceProcess.enrolmentId(execution), reason.toString());
        execution.setVariable(SequenceProcess.STOP_REASON, reason.toString());
    }
}
