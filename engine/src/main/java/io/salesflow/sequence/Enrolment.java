package io.salesflow.sequence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A lead or contact enrolled in a sequence, and where its run stands. */
@Schema(name = "SequenceEnrolment")
public record Enrolment(
        UUID id,
        UUID sequenceId,
        String recordType,
        UUID recordId,
        String status,
        String stopReason,
        int currentStep,
        String source,
        UUID enrolledBy,
        String processInstanceId,
        Instant enrolledAt,
        Instant endedAt,
        @Schema(description = "The lead's or contact's IANA time zone; null: sends follow the sender's hours alone")
                String recipientTimeZone,
        @Schema(description = "When the current step's send goes (or went) out: working hours of sender and recipient")
                Instant sendAt,
        @Schema(description = "The lead's or contact's name as the caller sees it; null when they may not read it")
                String recordTitle) {

    Enrolment titled(String title) {
        return new Enrolment(
                id,
                sequenceId,
                recordType,
                recordId,
                status,
                stopReason,
                currentStep,
                source,
                enrolledBy,
                processInstanceId,
                enrolledAt,
                endedAt,
                recipientTimeZone,
                sendAt,
                title);
    }
}
