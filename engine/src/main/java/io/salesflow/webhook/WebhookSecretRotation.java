package io.salesflow.webhook;

import java.time.Instant;

/** The new signing secret (shown once) and until when deliveries still carry a signature by the previous one. */
public record WebhookSecretRotation(String secret, Instant previousSecretValidUntil) {}
