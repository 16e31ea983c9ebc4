package io.salesflow.connectors.webhook;

import java.net.URI;
import java.util.Map;

/** One POST of a webhook: where, the headers (Standard Webhooks ones among them) and the JSON body. */
public record WebhookCall(URI url, Map<String, String> headers, byte[] body) {}
