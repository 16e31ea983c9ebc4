package io.salesflow.identity;

import java.time.Instant;
import java.util.UUID;

/** A stored login attempt or security event, as auditors read it. */
public record SecurityEventView(
        long id,
        Instant occurredAt,
        String eventType,
        String outcome,
        UUID userId,
        String email,
        String ipAddress,
        String userAgent,
        String detail,
        String requestId) {}
