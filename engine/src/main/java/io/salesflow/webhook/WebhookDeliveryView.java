package io.salesflow.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event sent (or being sent) to one subscription, under one {@code webhook-id} on every attempt.
 *
 * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}
 */
public record WebhookDeliveryView(
        UUID id,
        UUID subscriptionId,
        String eventType,
        String webhookId,
        String status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt) {}
