package io.salesflow.deal;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.RecordLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals' approval requests: their readers see them with the deal, and the approval process records decisions on
 * them. Deciding runs in the current tenant on the process's authority: who may decide is the process's question
 * (its tasks and candidate groups), not the deal's record-level access. Each decision is kept with the approval, in
 * the deal's field history and in the audit log; the deal's row is locked while it is taken, so a decision and a
 * change of the deal happen one after the other.
 */
@Service
public class DealApprovals {

    /** One approver's answer at a level of an approval. */
    public enum Decision {
        APPROVE,
        REJECT
    }

    static final int MAX_LEVEL = 20;
    static final int MAX_REASON = 2000;
    static final int MAX_RULE = 200;

    private final DealRepository deals;
    private final DealApprovalRepository approvals;
    private final PipelineRepository pipelines;
    private final RecordLifecycle records;
    private final Users users;
    private final FieldHistory history;
    private final AuditLog audit;
    private final DealEventPublisher events;
    private final Clock clock;

    DealApprovals(
            DealRepository deals,
            DealApprovalRepository approvals,
            PipelineRepository pipelines,
            RecordLifecycle records,
            Users users,
            FieldHistory history,
            AuditLog audit,
            DealEventPublisher events,
            Clock clock) {
        this.deals = deals;
        this.approvals = approvals;
        this.pipelines = pipelines;
        this.records = records;
        this.users = users;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The approval requests of a deal the caller may read, newest first; 404 for any other deal. */
    @Transactional(readOnly = true)
    public List<DealApprovalView> of(UUID dealId) {
        if (!records.isLive(DealRecord.DEAL, dealId)) {
            throw Problem.notFound("Deal", dealId);
        }
        return approvals.ofDeal(dealId).stream().map(DealApproval::view).toList();
    }

    /** One approval request of the current tenant, whoever owns its deal (for the approval process). */
    @Transactional(readOnly = true)
    public DealApprovalView get(UUID approvalId) {
        return approvals
                .findById(approvalId)
                .map(DealApproval::view)
                .orElseThrow(() -> Problem.notFound("Approval", approvalId));
    }

    /**
     * Keeps one approver's decision at a level of a pending approval ({@code rule}: the approval table's rule that
     * asked for that level, e.g. {@code deal-approval:rule-3}). It decides nothing by itself: the process calls
     * {@link #approve} or {@link #reject} once the levels say so. The same decision by the same approver at the same
     * level again is ignored (a retry); the other decision there is a 409, as is any decision on an approval that is
     * no longer pending. A rejection needs a reason (400 {@code reason}).
     */
    @Transactional
    public DealApprovalView recordDecision(
            UUID dealId, UUID approvalId, UUID approverId, Decision decision, String reason, int level, String rule) {
        if (decision == null) {
            throw Problem.invalid("decision", "is required: APPROVE or REJECT");
        }
        if (level < 1 || level > MAX_LEVEL) {
            throw Problem.invalid("level", "must be from 1 to " + MAX_LEVEL);
        }
        String why = text("reason", reason, MAX_REASON);
        String by = text("rule", rule, MAX_RULE);
        requireApprover(approverId);
        Deal deal = locked(dealId);
        Optional<DealApprovalDecision> made =
                deal.approvalRules().decide(approvalId, approverId, decision, why, level, by, now());
        made.ifPresent(d -> {
            deals.flush();
            history.record(DealRecord.TYPE, dealId, null, Map.of("approvalDecision", d.snapshot()));
            audit.record("deal.approval_decision", DealRecord.TYPE, dealId, null, d.snapshot());
        });
        return deal.approval(approvalId).view();
    }

    /**
     * Approves at every level ({@code rule}: the rule that decided, null if none): the deal moves on freely, and
     * {@link DealApproved} is published. Approving again is ignored; an approval rejected or withdrawn is a 409.
     */
    @Transactional
    public DealApprovalView approve(UUID approvalId, String rule) {
        String by = text("rule", rule, MAX_RULE);
        Deal deal = locked(dealOf(approvalId));
        DealApproval approval = deal.approval(approvalId);
        Map<String, Object> before = withApproval(deal, approval);
        if (deal.approvalRules().approve(approvalId, by, now())) {
            save(deal, approval, before);
        }
        return approval.view();
    }

    /**
     * Rejects, by {@code approverId} for {@code reason} (required): the deal returns to the stage it came from
     * (or stays, still held back, when it was created in the approval stage), and {@link DealApprovalRejected} is
     * published. Rejecting again is ignored; an approval approved or withdrawn is a 409.
     */
    @Transactional
    public DealApprovalView reject(UUID approvalId, UUID approverId, String reason, String rule) {
        String why = text("reason", reason, MAX_REASON);
        String by = text("rule", rule, MAX_RULE);
        requireApprover(approverId);
        Deal deal = locked(dealOf(approvalId));
        DealApproval approval = deal.approval(approvalId);
        Map<String, Object> before = withApproval(deal, approval);
        Pipeline pipeline = pipelines.findById(deal.getPipelineId()).orElseThrow();
        if (deal.approvalRules().reject(approvalId, approverId, why, by, pipeline, now())) {
            save(deal, approval, before);
        }
        return approval.view();
    }

    private void save(Deal deal, DealApproval approval, Map<String, Object> before) {
        deals.saveAndFlush(deal);
        history.record(DealRecord.TYPE, deal.getId(), before, withApproval(deal, approval));
        events.publish(deal);
    }

    /** The deal as its history keeps it, with the approval decided on (its status, rule, reason, approver). */
    private static Map<String, Object> withApproval(Deal deal, DealApproval approval) {
        Map<String, Object> s = new LinkedHashMap<>(deal.snapshot());
        s.put("approval", approval.snapshot());
        return s;
    }

    private UUID dealOf(UUID approvalId) {
        return approvals.dealOf(approvalId).orElseThrow(() -> Problem.notFound("Approval", approvalId));
    }

    private Deal locked(UUID dealId) {
        return deals.lockById(dealId).orElseThrow(() -> Problem.notFound("Deal", dealId));
    }

    private void requireApprover(UUID approverId) {
        if (approverId == null) {
            throw Problem.invalid("approverId", "is required");
        }
        if (!users.isActive(approverId)) {
            throw Problem.invalid("approverId", "no active user " + approverId);
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.trim();
        if (s.length() > max) {
            throw Problem.invalid(field, "must have at most " + max + " characters");
        }
        if (s.indexOf('\u0000') >= 0) {
            throw Problem.invalid(field, "must not contain NUL characters");
        }
        return s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
