package io.salesflow.routing;

import java.util.UUID;

/**
 * Routing could not give a new lead to a rep: no rule placed it, or nobody in the team was available or under
 * their caps. The lead stays with whoever created it. {@code teamId} is the team routing chose (or the rule
 * set's unassigned queue when that names a team), {@code managerId} that team's manager; both are null when
 * routing knows no team.
 */
public record LeadUnassigned(UUID tenantId, UUID leadId, UUID teamId, UUID managerId) {}
