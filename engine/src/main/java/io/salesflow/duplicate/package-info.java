/**
 * Duplicates: finding leads, contacts and accounts that look like the same person or company (normalised email,
 * E.164 phone, company domain, similar names; tenant settings), a review queue filled when records are created, and
 * merging duplicates into one survivor with what pointed at them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"account", "audit", "contact", "identity", "lead", "platform", "records", "tenancy"})
package io.salesflow.duplicate;
