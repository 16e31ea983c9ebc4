package io.salesflow.scoring;

import io.salesflow.lead.LeadFactsView;
import io.salesflow.rules.scoring.ScoreResult;
import io.salesflow.rules.scoring.TemperatureThresholds;
import java.time.Instant;
import java.util.Objects;

/** A lead's new score under one rule set version, next to the score it had. */
record ScoredLead(
        LeadFactsView lead, int ruleSetVersion, TemperatureThresholds thresholds, ScoreResult result, Instant at) {

    String band() {
        return ScoreExplanation.band(result);
    }

    /** Whether history should keep it: the first score, or a change of score or band. */
    boolean changed() {
        return lead.score() == null || lead.score() != result.score() || !Objects.equals(lead.scoreBand(), band());
    }
}
