package io.salesflow.deal;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.FieldHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends an open deal back to the open stage before its current one, on the system's authority (a process whose
 * outcome undoes progress: a declined contract). Kept in the deal's field history and audited with the reason.
 */
@Service
public class DealStageReturns {

    private final DealRepository deals;
    private final PipelineRepository pipelines;
    private final FieldHistory history;
    private final AuditLog audit;
    private final DealEventPublisher events;
    private final Clock clock;

    DealStageReturns(
            DealRepository deals,
            PipelineRepository pipelines,
            FieldHistory history,
            AuditLog audit,
            DealEventPublisher events,
            Clock clock) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the deal to the open stage before its own; the name of the stage it is in afterwards. A deal that is
     * closed, or already in its pipeline's first stage, stays where it is.
     */
    @Transactional
    public String back(UUID dealId, String reason) {
        Deal deal = deals.lockById(dealId).orElseThrow(() -> Problem.notFound("Deal", dealId));
        Pipeline pipeline = pipelines.findById(deal.getPipelineId()).orElseThrow();
        PipelineStage current = pipeline.stage(deal.getStageId()).orElseThrow();
        Optional<PipelineStage> previous = pipeline.stages().stream()
                .filter(PipelineStage::isOpen)
                .filter(s -> s.getPosition() < current.getPosition())
                .max(Comparator.comparingInt(PipelineStage::getPosition));
        if (deal.status() != DealStatus.OPEN || previous.isEmpty()) {
            return current.getName();
        }
        Map<String, Object> before = deal.snapshot();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        deal.progress(
                new Deal.Progress(
                        pipeline,
                        previous.get(),
                        null,
                        Given.notSent(),
                        Given.notSent(),
                        Given.notSent(),
                        false,
                        false),
                now);
        deals.saveAndFlush(deal);
        Map<String, Object> after = new LinkedHashMap<>(deal.snapshot());
        history.record(DealRecord.TYPE, dealId, before, after);
        audit.record(
                "deal.returned",
                DealRecord.TYPE,
                dealId,
                Map.of("stage", current.getName()),
                Map.of("stage", previous.get().getName(), "reason", reason));
        events.publish(deal);
        return previous.get().getName();
    }
}
