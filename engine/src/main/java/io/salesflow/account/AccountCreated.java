package io.salesflow.account;

import java.util.UUID;

/** An account was created; published inside the creating transaction. */
public record AccountCreated(UUID tenantId, UUID accountId, UUID ownerId) {}
