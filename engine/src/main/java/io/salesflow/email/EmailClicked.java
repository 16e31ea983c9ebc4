package io.salesflow.email;

import java.util.UUID;

/** A tracked link of an outgoing email was followed; {@code first} says whether it was the email's first click. */
public record EmailClicked(UUID tenantId, UUID emailId, String recordType, UUID recordId, String url, boolean first) {}
