package io.salesflow.lead;

import java.util.UUID;

/** A lead was created (by hand, form, API or import); lead intake and nurture start from here. */
public record LeadCreated(UUID tenantId, UUID leadId, UUID ownerId, String source) {}
