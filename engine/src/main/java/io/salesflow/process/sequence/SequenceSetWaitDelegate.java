package io.salesflow.process.sequence;

import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.SequenceSteps;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets how long the process waits for an answer after the step: its wait, in the sender's business time. */
@Component("sequenceSetWait")
@ProcessBean("Follow-up sequence: sets waitUntil, the end of step stepNumber's wait in the sender's business time,"
        + " and answer, an answer that came while the process was busy (or null)")
class SequenceSetWaitDelegate implements JavaDelegate {

    private final SequenceSteps steps;

    SequenceSetWaitDelegate(SequenceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // An answer that came while the process was busy (a rep task, a send waiting for working hours) stops it here.
        execution.setVariable(
                SequenceProcess.ANSWER,
                steps.answer(SequenceProcess.enrolmentId(execution)).orElse(null));
        execution.setVariable(
                SequenceProcess.WAIT_UNTIL,
                Date.from(steps.waitUntil(
                        SequenceProcess.enrolmentId(execution), SequenceProcess.stepNumber(execution))));
    }
}
