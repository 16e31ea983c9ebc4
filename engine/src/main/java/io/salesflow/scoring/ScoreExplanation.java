package io.salesflow.scoring;

import io.salesflow.rules.scoring.FiredRule;
import io.salesflow.rules.scoring.ScoreResult;
import io.salesflow.rules.scoring.TemperatureThresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a lead has its score, as stored and served: each rule that fired with its points, their sum
 * ({@code rawTotal}), and the score, which is {@code rawTotal} clamped to 0..100 ({@code clamped} says whether
 * it was), with the band the thresholds give it.
 */
final class ScoreExplanation {

    private ScoreExplanation() {}

    static Map<String, Object> of(Integer ruleSetVersion, TemperatureThresholds thresholds, ScoreResult result) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ruleSetVersion", ruleSetVersion);
        e.put("score", result.score());
        e.put("band", band(result));
        e.put("rawTotal", result.rawTotal());
        e.put("clamped", result.rawTotal() != result.score());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("hot", thresholds.hot());
        t.put("warm", thresholds.warm());
        e.put("thresholds", t);
        e.put("fired", fired(result.fired()));
        return e;
    }

    static String band(ScoreResult result) {
        return result.temperature().name().toLowerCase(Locale.ROOT);
    }

    private static List<Map<String, Object>> fired(List<FiredRule> fired) {
        return fired.stream()
                .map(f -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("rule", f.rule());
                    m.put("type", f.type() == null ? null : f.type().name());
                    m.put("points", f.points());
                    return m;
                })
                .toList();
    }
}
