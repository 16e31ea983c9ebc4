package io.salesflow.rules.scoring;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.DrlLiteral;
import io.salesflow.rules.criteria.EngagementCondition;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a scoring rule set out as DRL: one rule per active rule, points and type as rule metadata, no consequence
 * (the scorer reads which rules fired).
 */
final class ScoringDrl {

    static final String HEADER =
            """
            package salesflow.scoring;

            import io.salesflow.rules.facts.LeadFacts;
            import io.salesflow.rules.facts.EngagementType;
            import io.salesflow.rules.scoring.EngagementFact;
            """;

    private ScoringDrl() {}

    /** The DRL of the active rules; call only on a rule set without problems. */
    static String of(ScoringRuleSet set) {
        StringBuilder drl = new StringBuilder(HEADER);
        for (ScoringRule rule : set.rules()) {
            if (rule.active()) {
                drl.append('\n').append(rule(rule));
            }
        }
        return drl.toString();
    }

    private static String rule(ScoringRule rule) {
        StringBuilder r = new StringBuilder();
        r.append("rule \"").append(rule.name()).append("\"\n");
        r.append("    @type(\"").append(rule.type().name()).append("\")\n");
        r.append("    @points(").append(rule.points()).append(")\n");
        r.append("    salience ").append(rule.priority()).append('\n');
        if (rule.exclusiveGroup() != null) {
            r.append("    activation-group ")
                    .append(DrlLiteral.of(rule.exclusiveGroup()))
                    .append('\n');
        }
        r.append("when\n");
        r.append("    LeadFacts(").append(constraints(rule.conditions())).append(")\n");
        List<EngagementCondition> engagement = rule.engagement();
        for (int i = 0; i < engagement.size(); i++) {
            r.append("    ").append(engagement.get(i).toDrl("$n" + i)).append('\n');
        }
        r.append("then\n");
        r.append("end\n");
        return r.toString();
    }

    private static String constraints(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return "";
        }
        return conditions.stream().map(c -> "(" + c.toDrl() + ")").collect(Collectors.joining(", ", " ", " "));
    }
}
