package io.salesflow.rules.scoring;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.EngagementCondition;
import java.util.List;

/**
 * One scoring rule as data: it awards {@code points} (negative to take away) once to a lead that meets all its
 * field {@code conditions} and all its {@code engagement} conditions. Higher {@code priority} fires first; of the
 * rules sharing an {@code exclusiveGroup} only the first to fire counts (use it for bands such as "5+ clicks" over
 * "1+ click"). Inactive rules are left out of the compiled rule set. {@code active} is true when not given.
 */
public record ScoringRule(
        String name,
        RuleType type,
        String description,
        List<Condition> conditions,
        List<EngagementCondition> engagement,
        int points,
        int priority,
        String exclusiveGroup,
        Boolean active) {

    public ScoringRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        engagement = engagement == null ? List.of() : List.copyOf(engagement);
        active = active == null || active;
    }

    public ScoringRule withName(String newName) {
        return new ScoringRule(
                newName, type, description, conditions, engagement, points, priority, exclusiveGroup, active);
    }

    public ScoringRule withActive(boolean isActive) {
        return new ScoringRule(
                name, type, description, conditions, engagement, points, priority, exclusiveGroup, isActive);
    }
}
