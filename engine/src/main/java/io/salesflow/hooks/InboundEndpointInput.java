package io.salesflow.hooks;

/**
 * An endpoint as an admin configures it. {@code secret} is the vendor's (Meta app secret, Twilio auth token); a
 * Standard Webhooks endpoint gets one generated. {@code action} is {@code create_lead} (with {@code lead}) or
 * {@code correlate_message} (with {@code message}).
 */
public record InboundEndpointInput(
        String slug,
        String name,
        String scheme,
        String secret,
        String action,
        InboundLeadMapping lead,
        InboundMessageMapping message,
        Boolean enabled) {}
