package io.salesflow.scoring;

import io.salesflow.rules.scoring.ScoringRule;
import java.util.List;

/**
 * A rule set as a client sends it. {@code kind} is {@code data} (the default: {@code rules}) or {@code drl}
 * (the DRL text in {@code drl}); thresholds default to hot 70, warm 40. In a change, what is left out stays.
 */
public record RuleSetInput(String name, String kind, Thresholds thresholds, List<ScoringRule> rules, String drl) {

    public record Thresholds(Integer hot, Integer warm) {}
}
