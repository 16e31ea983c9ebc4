package io.salesflow.hooks;

import java.time.Instant;
import java.util.UUID;

/** A stored endpoint, secrets still sealed. */
record InboundEndpoint(
        UUID tenantId,
        UUID id,
        String slug,
        String name,
        InboundScheme scheme,
        byte[] secret,
        byte[] previousSecret,
        Instant previousSecretUntil,
        byte[] verifyToken,
        String action,
        String mapping,
        boolean enabled,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static final String CREATE_LEAD = "create_lead";
    static final String CORRELATE_MESSAGE = "correlate_message";

    /** What seals this endpoint's secrets: a sealed value copied to another endpoint or tenant does not open. */
    String sealContext() {
        return "inbound-webhook:" + tenantId + ":" + id;
    }
}
