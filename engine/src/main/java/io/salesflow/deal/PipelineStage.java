package io.salesflow.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A step of a pipeline: open (being worked) or closed as won or lost, with the probability of winning there; an
 * open stage may require an approval before deals move on from it.
 */
@Entity
@Table(name = "pipeline_stages")
class PipelineStage {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pipeline_id", nullable = false, updatable = false)
    private Pipeline pipeline;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private int probability;

    @Column(nullable = false)
    private boolean closed;

    @Column(nullable = false)
    private boolean won;

    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;

    protected PipelineStage() {}

    PipelineStage(Pipeline pipeline) {
        this.id = UUID.randomUUID();
        this.tenantId = pipeline.getTenantId();
        this.pipeline = pipeline;
    }

    void define(String name, int position, int probability, boolean closed, boolean won, boolean requiresApproval) {
        this.name = name;
        this.position = position;
        this.probability = probability;
        this.closed = closed;
        this.won = won;
        this.requiresApproval = requiresApproval;
    }

    boolean isOpen() {
        return !closed;
    }

    boolean isWon() {
        return won;
    }

    boolean isLost() {
        return closed && !won;
    }

    /** Whether a deal with {@code status} may stand in this stage. */
    boolean admits(DealStatus status) {
        return switch (status) {
            case WON -> isWon();
            case LOST -> isLost();
            case OPEN, ABANDONED -> isOpen();
        };
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("name", name);
        s.put("probability", probability);
        s.put("closed", closed);
        s.put("won", won);
        s.put("requiresApproval", requiresApproval);
        return s;
    }

    UUID getId() {
        return id;
    }

    UUID getPipelineId() {
        return pipeline.getId();
    }

    String getName() {
        return name;
    }

    int getProbability() {
        return probability;
    }

    boolean isClosed() {
        return closed;
    }

    /** Where the stage stands in its pipeline: a higher position is further on. */
    int getPosition() {
        return position;
    }

    /** Whether a deal that enters this stage asks for an approval and waits for it before moving on. */
    boolean requiresApproval() {
        return requiresApproval;
    }
}
