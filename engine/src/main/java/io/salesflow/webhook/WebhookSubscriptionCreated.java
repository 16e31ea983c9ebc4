package io.salesflow.webhook;

/** A new subscription and its signing secret, shown in this answer only. */
public record WebhookSubscriptionCreated(WebhookSubscriptionView subscription, String secret) {}
