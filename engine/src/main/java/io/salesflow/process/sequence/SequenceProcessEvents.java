package io.salesflow.process.sequence;

import io.salesflow.activity.MeetingBooked;
import io.salesflow.email.EmailBounced;
import io.salesflow.email.EmailUnsubscribed;
import io.salesflow.engagement.ReplyReceived;
import io.salesflow.process.RecordProcesses;
import io.salesflow.process.TenantSwitch;
import io.salesflow.sequence.Enrolments;
import io.salesflow.tenancy.TenantScope;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Answers that reach the sequences running on a record, after they committed and durably: a reply, a bounce, an
 * unsubscribe and a meeting logged on the record (MeetingBooked) are correlated to each active enrolment whose sequence stops on
 * them. An enrolment not waiting for the message (at a rep task, a send waiting for working hours) keeps the answer
 * and its process stops when it next looks; one that ended takes none.
 */
@Component
class SequenceProcessEvents {

    private final Enrolments enrolments;
    private final RuntimeService runtime;
    private final TenantSwitch tenantSwitch;
    private final TenantScope tenantScope;

    SequenceProcessEvents(
            Enrolments enrolments, RuntimeService runtime, TenantSwitch tenantSwitch, TenantScope tenantScope) {
        this.enrolments = enrolments;
        this.runtime = runtime;
        this.tenantSwitch = tenantSwitch;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(ReplyReceived event) {
        stop(event.tenantId(), event.recordType(), event.recordId(), Enrolments.REPLIED, SequenceProcess.MESSAGE_REPLY);
    }

    @ApplicationModuleListener
    void on(EmailBounced event) {
        stop(
                event.tenantId(),
                event.recordType(),
                event.recordId(),
                Enrolments.BOUNCED,
                SequenceProcess.MESSAGE_BOUNCE);
    }

    @ApplicationModuleListener
    void on(EmailUnsubscribed event) {
        stop(
                event.tenantId(),
                event.recordType(),
                event.recordId(),
                Enrolments.UNSUBSCRIBED,
                SequenceProcess.MESSAGE_UNSUBSCRIBE);
    }

    @ApplicationModuleListener
    void on(MeetingBooked event) {
        if (event.leadId() != null) {
            stop(event.tenantId(), "lead", event.leadId(), Enrolments.MEETING, SequenceProcess.MESSAGE_MEETING);
        }
        if (event.contactId() != null) {
            stop(event.tenantId(), "contact", event.contactId(), Enrolments.MEETING, SequenceProcess.MESSAGE_MEETING);
        }
    }

    private void stop(UUID tenantId, String recordType, UUID recordId, String reason, String message) {
        if (recordId == null || !("lead".equals(recordType) || "contact".equals(recordType))) {
            return;
        }
        tenantScope.runAs(tenantId, () -> {
            String slug = tenantSwitch.slugOf(tenantId);
            for (UUID enrolment : enrolments.stoppingOn(recordType, recordId, reason)) {
                enrolments.noteAnswer(enrolment, reason);
                runtime.createMessageCorrelation(message)
                        .tenantId(slug)
                        .processInstanceBusinessKey(RecordProcesses.businessKey(recordType, recordId))
                        .processInstanceVariableEquals(SequenceProcess.ENROLMENT_ID, enrolment.toString())
                        .setVariable(SequenceProcess.STOP_REASON, reason)
                        .correlateAllWithResult();
            }
        });
    }
}
