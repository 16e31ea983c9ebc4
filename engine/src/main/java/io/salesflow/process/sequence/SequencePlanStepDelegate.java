package io.salesflow.process.sequence;

import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.SequenceSteps;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves to the next step and plans it: its kind, the variant this enrolment gets (recorded on the send), and whether
 * the send has to wait for working hours of the sender and the recipient.
 */
@Component("sequencePlanStep")
@ProcessBean("Follow-up sequence: next step; sets stepNumber, stepKind, sends, variant, taskName, sendAt, deferred")
class SequencePlanStepDelegate implements JavaDelegate {

    private final SequenceSteps steps;

    SequencePlanStepDelegate(SequenceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int number = SequenceProcess.stepNumber(execution) + 1;
        SequenceSteps.Plan plan = steps.plan(SequenceProcess.enrolmentId(execution), number);
        execution.setVariable(SequenceProcess.STEP_NUMBER, number);
        execution.setVariable(SequenceProcess.STEP_KIND, plan.kind());
        execution.setVariable("sends", !"task".equals(plan.kind()) && !"wait".equals(plan.kind()));
        execution.setVariable(SequenceProcess.VARIANT, plan.variant());
        execution.setVariable(SequenceProcess.TASK_NAME, plan.taskName());
        execution.setVariable(SequenceProcess.SEND_AT, Date.from(plan.sendAt()));
        execution.setVariable(SequenceProcess.DEFERRED, plan.deferred());
    }
}
