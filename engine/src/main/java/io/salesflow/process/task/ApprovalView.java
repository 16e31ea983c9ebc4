package io.salesflow.process.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A deal waiting for the caller's approval, with what they need to decide: the deal's key figures as the approval
 * was asked for, the level and role they approve as, and why the decision table asked for it.
 */
public record ApprovalView(
        String taskId,
        UUID dealId,
        UUID approvalId,
        String dealName,
        Double amount,
        String currency,
        Double discountPercent,
        Double marginPercent,
        String region,
        int level,
        String approverRole,
        String why,
        UUID assignee,
        UUID owner,
        Instant requestedAt,
        Instant due) {}
