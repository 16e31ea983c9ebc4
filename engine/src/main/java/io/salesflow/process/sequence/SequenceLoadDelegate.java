package io.salesflow.process.sequence;

import io.salesflow.process.EngineGroups;
import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.SequenceSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the enrolment as its run starts: the sequence's name, how many steps, who gets the tasks. */
@Component("sequenceLoad")
@ProcessBean("Follow-up sequence: reads the enrolment (enrolmentId); sets sequenceName, stepCount, ownerId, repGroup")
class SequenceLoadDelegate implements JavaDelegate {

    private final SequenceSteps steps;

    SequenceLoadDelegate(SequenceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SequenceSteps.Run run = steps.load(SequenceProcess.enrolmentId(execution));
        execution.setVariable(SequenceProcess.SEQUENCE_NAME, run.sequenceName());
        execution.setVariable(SequenceProcess.STEP_COUNT, run.stepCount());
        execution.setVariable(SequenceProcess.STEP_NUMBER, 0);
        execution.setVariable(SequenceProcess.OWNER_ID, run.ownerId().toString());
        execution.setVariable(SequenceProcess.REP_GROUP, EngineGroups.role(execution.getTenantId(), "sales_rep"));
    }
}
