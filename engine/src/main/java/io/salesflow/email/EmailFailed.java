package io.salesflow.email;

import java.util.UUID;

/**
 * An email was given up: the mail server refused it for good, or every retry failed. Published so the people
 * working the record hear of it (activity raises a task on it).
 *
 * @param recordType lead, contact, deal or account; null for an email about no record (a test message)
 */
public record EmailFailed(
        UUID tenantId, UUID emailId, String recordType, UUID recordId, UUID createdBy, String subject, String reason) {}
