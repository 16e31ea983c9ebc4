package io.salesflow.hooks;

import java.time.Instant;
import java.util.UUID;

/**
 * An endpoint as the API shows it: never its secrets. {@code path} is what the vendor calls, after the installation's
 * address; {@code previousSecretUntil} is set while a rotated-out secret is still accepted.
 */
public record InboundEndpointView(
        UUID id,
        String slug,
        String name,
        String scheme,
        String action,
        InboundLeadMapping lead,
        InboundMessageMapping message,
        boolean enabled,
        String path,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt) {}
