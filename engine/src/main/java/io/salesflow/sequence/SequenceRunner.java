package io.salesflow.sequence;

import java.util.UUID;

/**
 * Runs an enrolment's steps: the process module implements it with the {@code follow-up-sequence} process, so this
 * module does not depend on the engine. Called inside the enrolling transaction: an enrolment whose process does not
 * start is not saved.
 */
public interface SequenceRunner {

    /** Starts the enrolment's process on the record; its process instance id. */
    String start(UUID enrolmentId, String recordType, UUID recordId);

    /**
     * Ends the wait for an answer of the enrolment's current step now, as if it had run out (the demo data showing
     * enrolments at different steps); whether the process was waiting there.
     */
    boolean endWaitNow(String processInstanceId);

    /** Ends the enrolment's process (the enrolment was cancelled by hand). */
    void cancel(String processInstanceId, String reason);
}
