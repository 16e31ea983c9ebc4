package io.salesflow.deal;

import io.salesflow.platform.problem.Problem;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The approval rules of one deal. Entering a stage that requires an approval (or reopening in one) asks for one;
 * that request governs the deal from its stage on. While it is not approved for the deal's current figures, the
 * deal neither moves to a later stage nor is won; moving back before the stage, losing or abandoning the deal
 * withdraws a pending request. Changing the figures of a governed open deal replaces the request.
 */
final class DealApprovalRules {

    private final Deal deal;

    DealApprovalRules(Deal deal) {
        this.deal = deal;
    }

    /**
     * Refuses (409) a move from {@code from} (null: from another pipeline, or none yet) to {@code target} with
     * status {@code next} that goes further while the governing approval does not cover the deal as it is.
     */
    void hold(PipelineStage from, PipelineStage target, DealStatus was, DealStatus next) {
        DealApproval approval = deal.governingApproval();
        if (approval == null || !onwards(from, target, was, next)) {
            return;
        }
        switch (approval.status()) {
            case PENDING ->
                throw held(
                        approval,
                        "approval-pending",
                        "Approval pending",
                        "the deal waits for approval " + approval.getId()
                                + " before it moves on or is won; moving it back or losing it is allowed");
            case REJECTED ->
                throw held(
                        approval,
                        "approval-rejected",
                        "Approval rejected",
                        "approval " + approval.getId() + " was rejected: change the figures to ask again, or move the"
                                + " deal back");
            default -> {
                if (!approval.askedFor(deal.figures())) {
                    throw outdated(approval);
                }
            }
        }
    }

    /**
     * After a move to {@code target}: leaving the approval stage behind (back before it, lost, abandoned, another
     * pipeline) ends the governing approval, withdrawing it if pending; {@code arrives} in an open stage that
     * requires an approval (from {@code cameFrom}) asks for one unless a pending or given one for that stage governs.
     */
    void follow(Pipeline pipeline, PipelineStage target, boolean arrives, UUID cameFrom, DealStatus next, Instant now) {
        DealApproval approval = deal.governingApproval();
        if (approval != null) {
            if (next == DealStatus.LOST) {
                release(DealApprovalWithdrawn.LOST, now);
            } else if (next == DealStatus.ABANDONED) {
                release(DealApprovalWithdrawn.ABANDONED, now);
            } else if (next == DealStatus.OPEN && !within(pipeline, approval, target)) {
                release(DealApprovalWithdrawn.MOVED_BACK, now);
            }
        }
        if (arrives && next == DealStatus.OPEN && target.requiresApproval()) {
            DealApproval current = deal.governingApproval();
            boolean covered = current != null
                    && current.getStageId().equals(target.getId())
                    && current.status() != ApprovalStatus.REJECTED;
            if (!covered) {
                release(DealApprovalWithdrawn.MOVED_BACK, now);
                deal.requestApproval(pipeline.getId(), target.getId(), cameFrom, now);
            }
        }
    }

    /**
     * After the figures may have changed: an open deal whose governing approval was asked for other figures asks
     * again for the same stage (withdrawing a pending request); a won deal keeps the figures it was approved for.
     */
    void reviewFigures(Instant now) {
        DealApproval approval = deal.governingApproval();
        if (approval == null || approval.askedFor(deal.figures())) {
            return;
        }
        if (deal.status() != DealStatus.OPEN) {
            throw outdated(approval);
        }
        release(DealApprovalWithdrawn.FIGURES_CHANGED, now);
        deal.requestApproval(approval.getPipelineId(), approval.getStageId(), approval.getPreviousStageId(), now);
    }

    /** Withdraws a pending governing approval for {@code why}; a given or refused one stays. */
    void withdrawPending(String why, Instant now) {
        DealApproval approval = deal.governingApproval();
        if (approval != null && approval.status() == ApprovalStatus.PENDING) {
            release(why, now);
        }
    }

    /** An open deal back in an approval stage without a governing approval (after a restore) asks for one. */
    void askIfUngoverned(Pipeline pipeline, Instant now) {
        if (deal.status() != DealStatus.OPEN || deal.governingApproval() != null) {
            return;
        }
        pipeline.stage(deal.getStageId())
                .filter(PipelineStage::requiresApproval)
                .ifPresent(stage -> deal.requestApproval(pipeline.getId(), stage.getId(), null, now));
    }

    /** One approver's decision; empty when they made it already. */
    Optional<DealApprovalDecision> decide(
            UUID approvalId,
            UUID approverId,
            DealApprovals.Decision decision,
            String reason,
            int level,
            String rule,
            Instant now) {
        return deal.approval(approvalId).decide(approverId, decision, reason, level, rule, now);
    }

    /** Approves; false when approved already. A governing approval lets the deal move on. */
    boolean approve(UUID approvalId, String rule, Instant now) {
        DealApproval approval = deal.approval(approvalId);
        if (!approval.approve(rule, now)) {
            return false;
        }
        if (approval == deal.governingApproval()) {
            deal.govern(approvalId, ApprovalStatus.APPROVED);
        }
        deal.announce(new DealApproved(deal.getTenantId(), deal.getId(), approvalId));
        return true;
    }

    /**
     * Rejects; false when rejected already. A governing approval sends the open deal back to the stage it came
     * from, when that stage is still before the approval stage; otherwise the deal stays, held back.
     */
    boolean reject(UUID approvalId, UUID approverId, String reason, String rule, Pipeline pipeline, Instant now) {
        DealApproval approval = deal.approval(approvalId);
        if (!approval.reject(approverId, reason, rule, now)) {
            return false;
        }
        UUID returnedTo = null;
        if (approval == deal.governingApproval()) {
            deal.govern(approvalId, ApprovalStatus.REJECTED);
            PipelineStage back = wayBack(pipeline, approval);
            if (back != null) {
                deal.enter(pipeline, back, now);
                deal.govern(null, null);
                returnedTo = back.getId();
                approval.returnedTo(returnedTo);
            }
        }
        deal.announce(new DealApprovalRejected(
                deal.getTenantId(), deal.getId(), approvalId, approverId, reason, returnedTo, deal.getOwnerId()));
        return true;
    }

    private PipelineStage wayBack(Pipeline pipeline, DealApproval approval) {
        UUID previous = approval.getPreviousStageId();
        if (previous == null
                || deal.status() != DealStatus.OPEN
                || !pipeline.getId().equals(deal.getPipelineId())
                || previous.equals(deal.getStageId())) {
            return null;
        }
        Integer approvalStage = pipeline.stage(approval.getStageId())
                .map(PipelineStage::getPosition)
                .orElse(null);
        return pipeline.stage(previous)
                .filter(PipelineStage::isOpen)
                .filter(s -> approvalStage == null || s.getPosition() < approvalStage)
                .orElse(null);
    }

    /** Whether the move goes further: winning, a later stage, or another pipeline; never losing or abandoning. */
    private static boolean onwards(PipelineStage from, PipelineStage target, DealStatus was, DealStatus next) {
        if (next == DealStatus.WON) {
            return was != DealStatus.WON;
        }
        if (next == DealStatus.LOST || next == DealStatus.ABANDONED) {
            return false;
        }
        return from == null || target.getPosition() > from.getPosition();
    }

    /** Whether {@code target} is at or after the approval's stage in the approval's pipeline. */
    private static boolean within(Pipeline pipeline, DealApproval approval, PipelineStage target) {
        return pipeline.getId().equals(approval.getPipelineId())
                && pipeline.stage(approval.getStageId())
                        .map(stage -> target.getPosition() >= stage.getPosition())
                        .orElse(false);
    }

    /** The governing approval ends: withdrawn if still pending. */
    private void release(String why, Instant now) {
        DealApproval approval = deal.governingApproval();
        if (approval == null) {
            return;
        }
        if (approval.status() == ApprovalStatus.PENDING) {
            approval.withdraw(why, now);
            deal.announce(new DealApprovalWithdrawn(deal.getTenantId(), deal.getId(), approval.getId(), why));
        }
        deal.govern(null, null);
    }

    private static Problem outdated(DealApproval approval) {
        return held(
                approval,
                "approval-outdated",
                "Approval outdated",
                "approval " + approval.getId() + " was given for other figures (amount, currency, discount, margin,"
                        + " region): change them on an open deal without moving it, which asks for a new approval");
    }

    private static Problem held(DealApproval approval, String type, String title, String detail) {
        return new Problem(409, type, title, "Deal: " + detail)
                .with("approvalId", approval.getId())
                .with("approvalStatus", approval.status().name());
    }
}
