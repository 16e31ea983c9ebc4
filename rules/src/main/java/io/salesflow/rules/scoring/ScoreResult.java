package io.salesflow.rules.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A lead's score and why. The points of {@code fired} add up to {@code rawTotal}, which may fall outside 0-100;
 * {@code score} is {@code rawTotal} clamped to 0..100 (below 0 counts as 0, above 100 as 100), and
 * {@code temperature} follows from {@code score}.
 */
public record ScoreResult(
        int score, Temperature temperature, long rawTotal, List<FiredRule> fired, String ruleSetVersion, Instant asOf) {

    public static final int MIN = 0;
    public static final int MAX = 100;

    public ScoreResult {
        fired = List.copyOf(fired);
    }

    static int clamp(long rawTotal) {
        return (int) Math.max(MIN, Math.min(MAX, rawTotal));
    }
}
