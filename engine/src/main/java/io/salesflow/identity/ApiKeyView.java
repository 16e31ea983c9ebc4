package io.salesflow.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as the API shows it. {@code key} holds the secret only in the response that created it.
 */
public record ApiKeyView(
        UUID id,
        String name,
        String prefix,
        List<String> scopes,
        Instant createdAt,
        UUID createdBy,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String key) {}
