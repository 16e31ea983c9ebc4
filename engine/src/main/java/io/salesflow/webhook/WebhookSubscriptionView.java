package io.salesflow.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as admins see it; its signing secret is never shown here.
 *
 * @param disabledReason why Salesflow disabled it (the receiver answered 410, too many failures in a row), or null
 * @param previousSecretValidUntil during a secret rotation, until when the previous secret still signs; else null
 */
public record WebhookSubscriptionView(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt) {}
