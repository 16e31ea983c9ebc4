package io.salesflow.email;

import java.util.UUID;

/**
 * An email Salesflow sent bounced for good: the address is on the suppression list now. Published in the transaction
 * that read the delivery status notification; sequences stop on it.
 *
 * @param recordType {@code lead}, {@code contact}, {@code deal} or {@code account}: whom the email was about
 * @param status the DSN status code, such as {@code 5.1.1}, when the notification gave one
 */
public record EmailBounced(
        UUID tenantId, UUID emailId, String address, String recordType, UUID recordId, String status) {}
