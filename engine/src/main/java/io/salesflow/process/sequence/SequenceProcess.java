package io.salesflow.process.sequence;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The follow-up-sequence process's key, message names and variable names, in one place. */
final class SequenceProcess {

    static final String KEY = "follow-up-sequence";

    static final String MESSAGE_REPLY = "SequenceReplyReceived";
    static final String MESSAGE_BOUNCE = "SequenceEmailBounced";
    static final String MESSAGE_UNSUBSCRIBE = "SequenceUnsubscribed";
    static final String MESSAGE_MEETING = "SequenceMeetingBooked";

    static final String ENROLMENT_ID = "enrolmentId";
    static final String SEQUENCE_NAME = "sequenceName";
    static final String STEP_COUNT = "stepCount";
    static final String STEP_NUMBER = "stepNumber";
    static final String STEP_KIND = "stepKind";
    static final String VARIANT = "variant";
    static final String TASK_NAME = "taskName";
    static final String SEND_AT = "sendAt";
    static final String DEFERRED = "deferred";
    static final String SEND_STATUS = "sendStatus";
    static final String WAIT_UNTIL = "waitUntil";
    static final String OWNER_ID = "ownerId";
    static final String REP_GROUP = "repGroup";
    static final String STOP_REASON = "stopReason";
    /** The answer that came while the process was not waiting for one (replied, bounced, ...), or null. */
    static final String ANSWER = "answer";

    private SequenceProcess() {}

    static UUID enrolmentId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(ENROLMENT_ID));
    }

    static int stepNumber(DelegateExecution execution) {
        Object number = execution.getVariable(STEP_NUMBER);
        return number == null ? 0 : ((Number) number).intValue();
    }
}
