package io.salesflow.webhook;

import java.util.List;

/** A delivery with the payload it sends and its latest attempts, newest first. */
public record WebhookDeliveryDetail(WebhookDeliveryView delivery, String payload, List<WebhookAttemptView> attempts) {}
