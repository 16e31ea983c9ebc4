package io.salesflow.platform.request;

/** Where a request came from: its id (echoed in {@code X-Request-Id}), client address and user agent. */
public record RequestMetadata(String requestId, String ipAddress, String userAgent) {}
