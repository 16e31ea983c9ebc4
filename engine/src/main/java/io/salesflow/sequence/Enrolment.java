package io.salesflow.sequence;

import java.time.Instant;
import java.util.UUID;

/** A lead or contact enrolled in a sequence, and where its run stands. */
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
        Instant endedAt) {}
