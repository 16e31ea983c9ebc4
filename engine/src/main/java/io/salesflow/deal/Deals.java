package io.salesflow.deal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.account.Accounts;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordServiceBase;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal use cases for the calling user, within their record-level access: resolves the pipeline, stage and
 * reasons a request names, lets the deal apply its rules (approvals included), and publishes what happened in the
 * same transaction.
 */
@Service
public class Deals extends RecordServiceBase<Deal> {

    private final DealRepository deals;
    private final PipelineRepository pipelines;
    private final PipelineStageRepository stages;
    private final DealReasonRepository reasons;
    private final DealApprovalRepository approvals;
    private final Accounts accounts;
    private final DealEventPublisher events;
    private final FieldHistory history;
    private final List<DealWinCondition> winConditions;
    private final Clock clock;

    Deals(
            DealRepository deals,
            PipelineRepository pipelines,
            PipelineStageRepository stages,
            DealReasonRepository reasons,
            DealApprovalRepository approvals,
            Accounts accounts,
            RecordLifecycle records,
            DealEventPublisher events,
            FieldHistory history,
            List<DealWinCondition> winConditions,
            Clock clock) {
        super(DealRecord.DEAL, deals, records);
        this.deals = deals;
        this.pipelines = pipelines;
        this.stages = stages;
        this.reasons = reasons;
        this.approvals = approvals;
        this.accounts = accounts;
        this.events = events;
        this.history = history;
        this.winConditions = winConditions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID add(ObjectNode body) {
        Deal deal = new Deal(TenantContext.require(), Caller.require().userId());
        apply(body, deal, true);
        UUID created = records.created(DealRecord.DEAL, deals, deal);
        events.publish(new DealCreated(
                deal.getTenantId(), deal.getId(), deal.getPipelineId(), deal.getStageId(), deal.getOwnerId()));
        events.publish(deal);
        return created;
    }

    @Override
    protected Map<String, Object> applyChange(Deal deal, ObjectNode body) {
        Map<String, Object> before = deal.snapshot();
        apply(body, deal, false);
        approvals.saveAll(deal.takeRequests());
        Map<String, Object> changed = records.changed(DealRecord.DEAL, deals, deal, before);
        events.publish(deal);
        return changed;
    }

    /** Deletes the deal; a pending approval is withdrawn, since nobody should decide on a deleted deal. */
    @Override
    public void delete(UUID id, String ifMatch) {
        records.retrying(ifMatch, lockRow -> {
            Deal deal = records.writable(DealRecord.DEAL, deals, id, ifMatch, lockRow);
            Map<String, Object> before = deal.snapshot();
            deal.approvalRules().withdrawPending(DealApprovalWithdrawn.DELETED, now());
            if (deal.hasEvents()) {
                history.record(DealRecord.TYPE, id, before, deal.snapshot());
            }
            records.delete(DealRecord.DEAL, deals, id, ifMatch, false);
            events.publish(deal);
            return null;
        });
    }

    /** Restores the deal; back in an approval stage without an approval, it asks for one again. */
    @Override
    public Map<String, Object> restore(UUID id) {
        return records.retrying(null, lockRow -> {
            Map<String, Object> restored = records.restore(DealRecord.DEAL, deals, id, lockRow);
            Deal deal = deals.findById(id).orElseThrow();
            Map<String, Object> before = deal.snapshot();
            deal.approvalRules().askIfUngoverned(pipeline(deal, null), now());
            if (!deal.hasEvents()) {
                return restored;
            }
            approvals.saveAll(deal.takeRequests());
            Map<String, Object> changed = records.changed(DealRecord.DEAL, deals, deal, before);
            events.publish(deal);
            return changed;
        });
    }

    private void apply(ObjectNode body, Deal deal, boolean creating) {
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        DealInput.Request request = DealInput.apply(body, deal, assignment, creating);
        if (request.accountId().sent()) {
            checkAccount(request.accountId().value());
            deal.setAccountId(request.accountId().value());
        }
        // The owner before the move: an approval the move asks for names the deal's owner.
        records.assign(DealRecord.DEAL, deal, assignment);
        Instant now = now();
        if (creating || request.movesTheDeal()) {
            DealStatus was = creating ? null : deal.status();
            Deal.Progress progress = progress(deal, request);
            deal.progress(progress, now);
            if (deal.status() == DealStatus.WON && was != DealStatus.WON) {
                requireWinConditions(deal, progress.pipeline());
            }
        }
        deal.approvalRules().reviewFigures(now);
    }

    /** In a pipeline that wins deals only with a signed contract, a win without one is a 409 saying why. */
    private void requireWinConditions(Deal deal, Pipeline pipeline) {
        if (!pipeline.wonRequiresSignature()) {
            return;
        }
        for (DealWinCondition condition : winConditions) {
            condition.unmet(deal.getId()).ifPresent(reason -> {
                throw new Problem(
                        409,
                        "signature-required",
                        "The deal waits for a signature",
                        "Pipeline '" + pipeline.getName() + "' wins a deal only with a signed contract: " + reason);
            });
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Deal.Progress progress(Deal deal, DealInput.Request request) {
        UUID stageId = request.stageId();
        PipelineStage stage = stageId == null
                ? null
                : stages.findById(stageId).orElseThrow(() -> Problem.invalid("stageId", "no stage " + stageId));
        return new Deal.Progress(
                pipeline(deal, request.pipelineId()),
                stage,
                request.status(),
                request.probability(),
                reason("wonReasonId", request.wonReasonId()),
                reason("lostReasonId", request.lostReasonId()),
                reasons.existsByKindAndActiveTrue(ReasonKind.WON.name()),
                reasons.existsByKindAndActiveTrue(ReasonKind.LOST.name()));
    }

    /** The pipeline asked for, else the deal's own, else (for a new deal) the workspace's default. */
    private Pipeline pipeline(Deal deal, UUID asked) {
        UUID id = asked != null ? asked : deal.getPipelineId();
        if (id == null) {
            return pipelines
                    .findByDefaultPipelineTrue()
                    .orElseThrow(() -> Problem.invalid("pipelineId", "is required: the workspace has no default"));
        }
        return pipelines.findById(id).orElseThrow(() -> Problem.invalid("pipelineId", "no pipeline " + id));
    }

    private Given<DealReason> reason(String field, Given<UUID> id) {
        if (!id.sent() || id.value() == null) {
            return id.sent() ? Given.of(null) : Given.notSent();
        }
        return Given.of(
                reasons.findById(id.value()).orElseThrow(() -> Problem.invalid(field, "no reason " + id.value())));
    }

    /** A deal may name only a live account the caller can read, so it never reveals one they cannot. */
    private void checkAccount(UUID accountId) {
        if (accountId != null
                && !(Caller.require().can(accounts.type().readPermission()) && accountReadable(accountId))) {
            throw Problem.invalid("accountId", "no account " + accountId);
        }
    }

    private boolean accountReadable(UUID accountId) {
        try {
            accounts.get(accountId, List.of());
            return true;
        } catch (Problem p) {
            if (p.status() == 404) {
                return false;
            }
            throw p;
        }
    }
}
