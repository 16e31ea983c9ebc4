package io.salesflow.rules.criteria;

import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A test on how often a lead engaged: between {@code minCount} and {@code maxCount} (both included; no maximum when
 * {@code null}) events of {@code type}, with a detail among {@code details} when any are given, in the
 * {@code withinDays} days before the scoring time (at any time when {@code null}). {@code minCount} is 1 when not
 * given. {@code minCount 0, maxCount 0}
 * tests that there was none.
 */
public record EngagementCondition(
        EngagementType type, List<String> details, Integer withinDays, Integer minCount, Integer maxCount) {

    public EngagementCondition {
        minCount = minCount == null ? 1 : minCount;
        details =
                details == null ? List.of() : details.stream().map(Text::normal).toList();
    }

    /** At least {@code minCount} events of {@code type} in the last {@code withinDays} days. */
    public static EngagementCondition atLeast(int minCount, EngagementType type, Integer withinDays) {
        return new EngagementCondition(type, List.of(), withinDays, minCount, null);
    }

    public Optional<String> problem() {
        if (type == null) {
            return Optional.of("an engagement condition needs an event type");
        }
        if (minCount < 0 || (maxCount != null && maxCount < minCount)) {
            return Optional.of(type + ": counts must satisfy 0 <= minCount <= maxCount");
        }
        if (withinDays != null && (withinDays < 1 || withinDays > 3650)) {
            return Optional.of(type + ": withinDays must be between 1 and 3650");
        }
        if (details.stream().anyMatch(Objects::isNull)) {
            return Optional.of(type + " has a blank detail");
        }
        return Optional.empty();
    }

    /**
     * The DRL {@code accumulate} element counting matching {@code EngagementFact}s into {@code $var}; call only on a
     * condition without a problem.
     */
    public String toDrl(String var) {
        StringBuilder pattern = new StringBuilder("EngagementFact( type == EngagementType.").append(type.name());
        if (withinDays != null) {
            pattern.append(", ageSeconds <= ").append(withinDays * 86_400L);
        }
        if (!details.isEmpty()) {
            pattern.append(", detail in (").append(DrlLiteral.list(details)).append(")");
        }
        pattern.append(" )");
        String bounds = var + " >= " + minCount + (maxCount == null ? "" : ", " + var + " <= " + maxCount);
        return "accumulate( " + pattern + "; " + var + " : count(); " + bounds + " )";
    }
}
