package io.salesflow.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * An activity was completed (logged as done, or marked done later), with what it was about and how it went.
 * Lead scoring and processes react to it.
 */
public record ActivityCompleted(
        UUID tenantId,
        UUID activityId,
        String type,
        UUID ownerId,
        UUID accountId,
        UUID contactId,
        UUID leadId,
        UUID dealId,
        String outcome,
        Instant completedAt) {}
