package io.salesflow.process.message;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message no instance waited for yet, kept to be delivered once one does, until {@code expiresAt}: the event
 * publication registry holds it durably and runs its delivery again until it succeeds or expires.
 */
public record MessageBuffered(
        UUID tenantId,
        UUID messageId,
        String messageName,
        String businessKey,
        Map<String, Object> correlationKeys,
        Map<String, Object> variables,
        Instant expiresAt) {}
