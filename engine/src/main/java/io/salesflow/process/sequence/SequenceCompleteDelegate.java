package io.salesflow.process.sequence;

import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.SequenceSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The last step's wait ran out without an answer: the enrolment completed. */
@Component("sequenceComplete")
@ProcessBean("Follow-up sequence: marks the enrolment completed")
class SequenceCompleteDelegate implements JavaDelegate {

    private final SequenceSteps steps;

    SequenceCompleteDelegate(SequenceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.complete(SequenceProcess.enrolmentId(execution));
    }
}
