package io.salesflow.contact;

import java.util.UUID;

/** A contact was created; published inside the creating transaction. {@code accountId} may be null. */
public record ContactCreated(UUID tenantId, UUID contactId, UUID accountId, UUID ownerId) {}
