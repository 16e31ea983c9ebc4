package io.salesflow.webhook;

/** An event type subscriptions may ask for. */
public record WebhookEventTypeView(String type, String description) {}
