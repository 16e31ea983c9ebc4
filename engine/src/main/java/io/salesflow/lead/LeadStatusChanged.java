package io.salesflow.lead;

import java.util.UUID;

/** A lead moved from one status to another. */
public record LeadStatusChanged(UUID tenantId, UUID leadId, String from, String to) {}
