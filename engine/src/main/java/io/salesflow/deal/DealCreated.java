package io.salesflow.deal;

import java.util.UUID;

/** A deal was created in a stage of a pipeline. */
public record DealCreated(UUID tenantId, UUID dealId, UUID pipelineId, UUID stageId, UUID ownerId) {}
