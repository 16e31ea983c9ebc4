package io.salesflow.deal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** A pipeline as the API shows it, its stages in order. */
public record PipelineView(
        UUID id,
        String name,
        @JsonProperty("isDefault") boolean isDefault,
        boolean archived,
        List<Stage> stages,
        boolean wonRequiresSignature,
        long version) {

    public record Stage(UUID id, String name, int probability, boolean closed, boolean won, boolean requiresApproval) {}
}
