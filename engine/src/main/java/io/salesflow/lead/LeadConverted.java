package io.salesflow.lead;

import java.util.UUID;

/** A qualified lead became a contact (and an account, and perhaps a deal); {@code dealId} may be null. */
public record LeadConverted(UUID tenantId, UUID leadId, UUID contactId, UUID accountId, UUID dealId) {}
