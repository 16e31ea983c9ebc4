package io.salesflow.hooks;

/**
 * An endpoint with the secrets Salesflow generated for it, in this response only: the Standard Webhooks signing
 * secret ({@code whsec_…}), the Meta handshake's verify token.
 */
public record InboundEndpointSecrets(InboundEndpointView endpoint, String secret, String verifyToken) {}
