package io.salesflow.outbox;

import java.util.UUID;

/** An outbox row as its channel sees it; {@code attempt} counts from 1. */
public record OutboxItem(UUID tenantId, UUID id, String channel, UUID subjectId, String messageKey, int attempt) {}
