package io.salesflow.lead;

import java.util.UUID;

/**
 * A lead's owner or team changed through a change of the lead (an edit, a reassignment, a merge), published
 * inside the change's transaction; routing records its own hand-overs at intake itself.
 */
public record LeadAssignmentChanged(
        UUID tenantId, UUID leadId, UUID previousOwnerId, UUID ownerId, UUID previousTeamId, UUID teamId) {}
