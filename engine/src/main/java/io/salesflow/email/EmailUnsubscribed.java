package io.salesflow.email;

import java.util.UUID;

/**
 * A recipient used an email's unsubscribe link (or its one-click List-Unsubscribe): its addresses are on the
 * suppression list now. Published once, when the link was first used; sequences stop on it.
 *
 * @param recordType {@code lead}, {@code contact}, {@code deal} or {@code account}: whom the email was about, or null
 */
public record EmailUnsubscribed(UUID tenantId, UUID emailId, String recordType, UUID recordId) {}
