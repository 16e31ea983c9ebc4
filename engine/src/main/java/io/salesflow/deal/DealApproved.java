package io.salesflow.deal;

import java.util.UUID;

/** An approval was given at every level it needed: the deal moves on from its approval stage. */
public record DealApproved(UUID tenantId, UUID dealId, UUID approvalId) {}
