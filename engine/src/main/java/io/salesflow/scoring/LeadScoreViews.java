package io.salesflow.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** What the lead score API answers. */
public final class LeadScoreViews {

    private LeadScoreViews() {}

    /**
     * A lead's score and why; all but {@code leadId} are null before its first scoring.
     *
     * @param explanation the rules that fired with their points, {@code rawTotal} (their sum) and whether the
     *     score was clamped from it to 0..100
     */
    public record Score(
            UUID leadId, Integer score, String band, Integer ruleSetVersion, Instant scoredAt, JsonNode explanation) {}

    /** One change of a lead's score (or its first score). */
    public record Change(
            long id,
            Integer previousScore,
            int newScore,
            int change,
            String previousBand,
            String newBand,
            String reason,
            int ruleSetVersion,
            JsonNode explanation,
            Instant at) {}

    /** An engagement as reported. */
    public record Engagement(
            UUID id, UUID leadId, String type, Instant occurredAt, String detail, String source, String reference) {}
}
