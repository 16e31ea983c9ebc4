package io.salesflow.scoring;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.scoring.ScoringRule;
import io.salesflow.rules.scoring.TemperatureThresholds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the rule set API answers. */
public final class RuleSetViews {

    private RuleSetViews() {}

    /** A rule set without its content, as lists show it; {@code ruleCount} is null for DRL. */
    public record Summary(
            UUID id,
            int version,
            String name,
            String kind,
            String status,
            TemperatureThresholds thresholds,
            Integer ruleCount,
            long revision,
            UUID createdBy,
            Instant createdAt,
            Instant updatedAt,
            UUID activatedBy,
            Instant activatedAt,
            Instant retiredAt) {

        static Summary of(StoredRuleSet s) {
            RuleSetDefinition d = s.definition();
            return new Summary(
                    s.id(),
                    s.version(),
                    s.name(),
                    d.kind().code(),
                    s.status(),
                    d.thresholds(),
                    d.kind() == RuleSetDefinition.Kind.DATA ? d.rules().size() : null,
                    s.revision(),
                    s.createdBy(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.activatedBy(),
                    s.activatedAt(),
                    s.retiredAt());
        }
    }

    /**
     * A rule set with its rules (data) and its DRL (generated from the rules; as uploaded for DRL; null while
     * the rules have problems that {@code validate} lists).
     */
    public record Detail(@JsonUnwrapped Summary summary, List<ScoringRule> rules, String drl) {

        static Detail of(StoredRuleSet s) {
            return new Detail(
                    Summary.of(s), s.definition().rules(), s.definition().drlText());
        }

        public long revision() {
            return summary.revision();
        }
    }

    /** One reason a rule set does not compile; {@code line} is the DRL line, null when it has none. */
    public record ProblemView(String rule, Integer line, String message) {

        static List<ProblemView> of(List<CompileProblem> problems) {
            return problems.stream()
                    .map(p -> new ProblemView(p.rule(), p.line() > 0 ? p.line() : null, p.message()))
                    .toList();
        }
    }

    public record Validation(boolean valid, Integer ruleCount, List<ProblemView> problems) {}

    /** An activation: the rule set now active, the version it replaced, the job rescoring every lead. */
    public record Activation(Detail ruleSet, Integer replacedVersion, RescoringJobView rescoringJob) {}

    /** A lead scored by a rule set without saving anything, next to its current score. */
    public record Preview(
            UUID leadId,
            int score,
            String band,
            Map<String, Object> explanation,
            Integer currentScore,
            String currentBand) {}
}
