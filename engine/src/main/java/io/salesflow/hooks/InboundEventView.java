package io.salesflow.hooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery to an endpoint and what became of it: {@code received} (waiting for the worker), {@code processed}
 * ({@code result} names the lead or process instance) or {@code failed} ({@code error} says why).
 */
public record InboundEventView(
        UUID id,
        String eventKey,
        String keySource,
        Instant receivedAt,
        String status,
        int attempts,
        String error,
        String result,
        Instant processedAt) {}
