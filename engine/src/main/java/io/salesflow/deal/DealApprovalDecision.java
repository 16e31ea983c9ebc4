package io.salesflow.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One approver's decision at one level of an approval, with the rule of the approval table that asked them. */
@Entity
@Table(name = "deal_approval_decisions")
class DealApprovalDecision {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "approval_id", nullable = false, updatable = false)
    private DealApproval approval;

    @Column(name = "approver_id", nullable = false, updatable = false)
    private UUID approverId;

    @Column(nullable = false, updatable = false)
    private String decision;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private int level;

    @Column(updatable = false)
    private String rule;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected DealApprovalDecision() {}

    DealApprovalDecision(
            DealApproval approval,
            UUID approverId,
            DealApprovals.Decision decision,
            String reason,
            int level,
            String rule,
            Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = approval.getTenantId();
        this.approval = approval;
        this.approverId = approverId;
        this.decision = decision.name();
        this.reason = reason;
        this.level = level;
        this.rule = rule;
        this.decidedAt = at;
    }

    boolean by(UUID approver, int atLevel) {
        return approverId.equals(approver) && level == atLevel;
    }

    DealApprovals.Decision decision() {
        return DealApprovals.Decision.valueOf(decision);
    }

    /** As the deal's field history and the audit log keep it. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("approvalId", approval.getId());
        s.put("approverId", approverId);
        s.put("decision", decision);
        s.put("reason", reason);
        s.put("level", level);
        s.put("rule", rule);
        s.put("decidedAt", decidedAt);
        return s;
    }

    DealApprovalView.Decision view() {
        return new DealApprovalView.Decision(approverId, decision(), reason, level, rule, decidedAt);
    }
}
