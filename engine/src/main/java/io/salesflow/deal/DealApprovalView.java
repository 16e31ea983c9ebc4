package io.salesflow.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approval request of a deal as the API shows it: the stage it is for and where the deal came from, the figures
 * it was asked for, how it ended ({@code decidedAt}; {@code decidedBy} and {@code returnedToStageId} for a
 * rejection; {@code reason}: a rejection's reason, or why it was withdrawn), the rule that decided it, and every
 * approver's decision, oldest first.
 */
public record DealApprovalView(
        UUID id,
        UUID dealId,
        UUID pipelineId,
        UUID stageId,
        UUID previousStageId,
        ApprovalStatus status,
        BigDecimal amount,
        String currency,
        BigDecimal discountPercent,
        BigDecimal marginPercent,
        String region,
        Instant requestedAt,
        Instant decidedAt,
        UUID decidedBy,
        String rule,
        String reason,
        UUID returnedToStageId,
        List<Decision> decisions) {

    /** One approver's decision at a level of the approval. */
    public record Decision(
            UUID approverId, DealApprovals.Decision decision, String reason, int level, String rule, Instant at) {}
}
