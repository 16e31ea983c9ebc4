package io.salesflow.deal;

import java.util.List;
import java.util.UUID;

/**
 * A pipeline as a request defines it: the stages in their order. {@code isDefault} and {@code archived} left
 * null keep what the pipeline has, as does {@code wonRequiresSignature} (a deal of the pipeline is won only
 * with a signed contract), and so does a stage's {@code requiresApproval} (a new stage's is false).
 */
public record PipelineDefinition(
        String name, Boolean isDefault, Boolean archived, List<Stage> stages, Boolean wonRequiresSignature) {

    /** {@code wonRequiresSignature} left null keeps what the pipeline has (a new pipeline's is false). */
    public PipelineDefinition(String name, Boolean isDefault, Boolean archived, List<Stage> stages) {
        this(name, isDefault, archived, stages, null);
    }

    /**
     * A stage; with the {@code id} of an existing stage it keeps that stage (and its deals), without it is new.
     * {@code requiresApproval}: a deal that enters it asks for an approval and moves on only once approved.
     */
    public record Stage(UUID id, String name, int probability, boolean closed, boolean won, Boolean requiresApproval) {}
}
