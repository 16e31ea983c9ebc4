package io.salesflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One row of the audit log as the API shows it. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actorType,
        UUID actorId,
        String action,
        String resourceType,
        String resourceId,
        JsonNode before,
        JsonNode after,
        String ipAddress,
        String userAgent,
        String requestId) {}
