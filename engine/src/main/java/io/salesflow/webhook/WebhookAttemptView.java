package io.salesflow.webhook;

import java.time.Instant;

/**
 * One attempt of a delivery.
 *
 * @param statusCode the receiver's HTTP status, or null when no answer came
 * @param outcome {@code DELIVERED}, {@code RETRY} (another attempt follows) or {@code FAILED}
 * @param request the start of what was sent (headers and body)
 * @param response the start of the receiver's answer
 */
public record WebhookAttemptView(
        long id,
        Instant attemptedAt,
        long durationMs,
        Integer statusCode,
        String outcome,
        String error,
        String request,
        String response) {}
