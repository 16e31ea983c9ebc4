package io.salesflow.deal;

import java.util.UUID;

/** A deal was lost; the reason is null when the workspace asks for none. */
public record DealLost(UUID tenantId, UUID dealId, UUID lostReasonId) {}
