package io.salesflow.deal;

import java.util.UUID;

/** A deal moved from one stage to another (possibly of another pipeline). */
public record DealStageChanged(UUID tenantId, UUID dealId, UUID fromStageId, UUID toStageId) {}
