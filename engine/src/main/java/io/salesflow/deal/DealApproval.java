package io.salesflow.deal;

import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * One time a deal asked for an approval: for which stage, coming from where, for which figures, and how it ended.
 * Pending until approved, rejected or withdrawn, and never again after that; approvers' decisions are kept with it.
 */
@Entity
@Table(name = "deal_approvals")
class DealApproval extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deal_id", nullable = false, updatable = false)
    private Deal deal;

    @Column(name = "pipeline_id", nullable = false, updatable = false)
    private UUID pipelineId;

    @Column(name = "stage_id", nullable = false, updatable = false)
    private UUID stageId;

    @Column(name = "previous_stage_id", updatable = false)
    private UUID previousStageId;

    @Column(nullable = false)
    private String status = ApprovalStatus.PENDING.name();

    @Column(nullable = false, updatable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "discount_percent", nullable = false, updatable = false, precision = 5, scale = 2)
    private BigDecimal discountPercent;

    @Column(name = "margin_percent", updatable = false, precision = 5, scale = 2)
    private BigDecimal marginPercent;

    @Column(updatable = false)
    private String region;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    private String rule;

    private String reason;

    @Column(name = "returned_to_stage_id")
    private UUID returnedToStageId;

    @OptimisticLock(excluded = true)
    @OneToMany(mappedBy = "approval", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("decidedAt")
    private List<DealApprovalDecision> decisions = new ArrayList<>();

    protected DealApproval() {}

    DealApproval(Deal deal, UUID pipelineId, UUID stageId, UUID previousStageId, DealFigures figures, Instant at) {
        super(deal.getTenantId());
        this.deal = deal;
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.previousStageId = previousStageId;
        this.amount = figures.amount();
        this.currency = figures.currency();
        this.discountPercent = figures.discountPercent();
        this.marginPercent = figures.marginPercent();
        this.region = figures.region();
        this.requestedAt = at;
    }

    /**
     * Keeps one approver's decision at a level; empty when they made that decision there already (a retry). The
     * other decision at the same level, or any decision once the approval is no longer pending, is a 409.
     */
    Optional<DealApprovalDecision> decide(
            UUID approverId, DealApprovals.Decision decision, String reason, int level, String rule, Instant at) {
        if (decision == DealApprovals.Decision.REJECT) {
            requireReason(reason);
        }
        Optional<DealApprovalDecision> earlier =
                decisions.stream().filter(d -> d.by(approverId, level)).findFirst();
        if (earlier.isPresent()) {
            if (earlier.get().decision() == decision) {
                return Optional.empty();
            }
            throw new Problem(
                            409,
                            "approval-decision-conflict",
                            "Approval decision conflict",
                            "Approver " + approverId + " already decided "
                                    + earlier.get().decision() + " at level " + level + " of approval " + getId()
                                    + "; a decision is not changed")
                    .with("approvalId", getId());
        }
        requirePending();
        DealApprovalDecision made = new DealApprovalDecision(this, approverId, decision, reason, level, rule, at);
        decisions.add(made);
        return Optional.of(made);
    }

    /** Approves; false when it was approved already (a retry). */
    boolean approve(String rule, Instant at) {
        if (status() == ApprovalStatus.APPROVED) {
            return false;
        }
        requirePending();
        status = ApprovalStatus.APPROVED.name();
        this.rule = rule;
        decidedAt = at;
        return true;
    }

    /** Rejects; false when it was rejected already (a retry). */
    boolean reject(UUID approverId, String reason, String rule, Instant at) {
        requireReason(reason);
        if (status() == ApprovalStatus.REJECTED) {
            return false;
        }
        requirePending();
        status = ApprovalStatus.REJECTED.name();
        decidedBy = approverId;
        this.reason = reason;
        this.rule = rule;
        decidedAt = at;
        return true;
    }

    void returnedTo(UUID stageId) {
        returnedToStageId = stageId;
    }

    /** No longer asked for, for {@code why} (a {@link DealApprovalWithdrawn} reason). */
    void withdraw(String why, Instant at) {
        requirePending();
        status = ApprovalStatus.WITHDRAWN.name();
        reason = why;
        decidedAt = at;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "is required to reject: say what would make the deal acceptable");
        }
    }

    private void requirePending() {
        ApprovalStatus now = status();
        if (now == ApprovalStatus.PENDING) {
            return;
        }
        Problem problem = now == ApprovalStatus.WITHDRAWN
                ? new Problem(
                        409,
                        "approval-withdrawn",
                        "Approval withdrawn",
                        "Approval " + getId() + " was withdrawn (" + reason + "): the deal no longer waits for it")
                : new Problem(
                        409,
                        "approval-decided",
                        "Approval decided",
                        "Approval " + getId() + " was " + now.name().toLowerCase(Locale.ROOT) + " already");
        throw problem.with("approvalId", getId()).with("approvalStatus", now.name());
    }

    /** Whether these are the figures the approval was asked for. */
    boolean askedFor(DealFigures figures) {
        return new DealFigures(amount, currency, discountPercent, marginPercent, region).sameAs(figures);
    }

    ApprovalStatus status() {
        return ApprovalStatus.valueOf(status);
    }

    UUID getPipelineId() {
        return pipelineId;
    }

    UUID getStageId() {
        return stageId;
    }

    UUID getPreviousStageId() {
        return previousStageId;
    }

    UUID getDealId() {
        return deal.getId();
    }

    /** As the audit log keeps it. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("approvalId", getId());
        s.put("status", status);
        s.put("stageId", stageId);
        s.put("previousStageId", previousStageId);
        s.put("decidedBy", decidedBy);
        s.put("rule", rule);
        s.put("reason", reason);
        s.put("returnedToStageId", returnedToStageId);
        return s;
    }

    DealApprovalView view() {
        return new DealApprovalView(
                getId(),
                deal.getId(),
                pipelineId,
                stageId,
                previousStageId,
                status(),
                amount,
                currency,
                discountPercent,
                marginPercent,
                region,
                requestedAt,
                decidedAt,
                decidedBy,
                rule,
                reason,
                returnedToStageId,
                decisions.stream().map(DealApprovalDecision::view).toList());
    }
}
