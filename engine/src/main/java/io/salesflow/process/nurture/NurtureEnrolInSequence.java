package io.salesflow.process.nurture;

import io.salesflow.process.ProcessBean;
import io.salesflow.sequence.Enrolments;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Enrols a warm lead in the follow-up sequence the workspace chose for nurture. A lead that cannot be enrolled (no
 * address, suppressed, already in a sequence of the mailbox) gets the touch tasks instead; the reason is kept.
 */
@Component("nurtureEnrolInSequence")
@ProcessBean("Lead nurture: enrols the lead in sequence warmSequenceId; sets enrolledInSequence and enrolmentRefusal")
class NurtureEnrolInSequence implements JavaDelegate {

    private final Enrolments enrolments;

    NurtureEnrolInSequence(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID sequence = UUID.fromString((String) execution.getVariable("warmSequenceId"));
        Optional<String> refusal = enrolments.enrolFromNurture(sequence, NurtureLead.id(execution));
        execution.setVariable("enrolledInSequence", refusal.isEmpty());
        execution.setVariable("enrolmentRefusal", refusal.orElse(null));
    }
}
