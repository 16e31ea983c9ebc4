package io.salesflow.deal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A deal asks for an approval: it entered a stage that requires one (from {@code previousStageId}, null when it was
 * created there or reopened in it), or its figures changed while an approval governed it. {@code stageId} is the
 * approval stage; the figures are those the approval is asked for, {@code marginPercent} and {@code region} null
 * when the deal has none.
 */
public record DealApprovalRequested(
        UUID tenantId,
        UUID dealId,
        UUID approvalId,
        UUID pipelineId,
        UUID stageId,
        UUID previousStageId,
        BigDecimal amount,
        String currency,
        BigDecimal discountPercent,
        BigDecimal marginPercent,
        String region,
        UUID ownerId) {}
