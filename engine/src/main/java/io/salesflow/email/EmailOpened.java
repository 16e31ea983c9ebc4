package io.salesflow.email;

import java.util.UUID;

/**
 * An outgoing email was opened: its tracking pixel loaded (mail clients that load images do; others never tell). Published
 * on every open and click; {@code first} says whether it was the first of its kind for the email. Sequences and
 * scoring listen.
 */
public record EmailOpened(UUID tenantId, UUID emailId, String recordType, UUID recordId, boolean first) {}
