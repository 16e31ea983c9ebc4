package io.salesflow.deal;

import java.util.UUID;

/**
 * An approval was refused, by {@code approverId} for {@code reason}. The deal went back to
 * {@code returnedToStageId}, the stage it came from; null when it stays where it is (it was created in the approval
 * stage), still held back.
 */
public record DealApprovalRejected(
        UUID tenantId,
        UUID dealId,
        UUID approvalId,
        UUID approverId,
        String reason,
        UUID returnedToStageId,
        UUID ownerId) {}
