package io.salesflow.demo;

import io.salesflow.routing.RoutingMembers;
import io.salesflow.routing.RoutingRuleSets;
import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.routing.RoutingRule;
import io.salesflow.rules.routing.RoutingRuleSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Lead routing for the demo workspace: German-speaking and other EU countries go to team East, where Rita (weight
 * 2) and Ron share the leads within daily and open-lead caps; leads from elsewhere stay unassigned. Loaded once:
 * a workspace that has any rule set or member settings keeps its own.
 */
@Component
class DemoRouting {

    static final List<String> DACH = List.of("DE", "AT", "CH");
    static final List<String> OTHER_EU = List.of(
            "BE", "BG", "CZ", "DK", "EE", "IE", "GR", "ES", "FR", "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL",
            "PL", "PT", "RO", "SI", "SK", "FI", "SE");

    private final RoutingRuleSets ruleSets;
    private final RoutingMembers members;

    DemoRouting(RoutingRuleSets ruleSets, RoutingMembers members) {
        this.ruleSets = ruleSets;
        this.members = members;
    }

    void load(UUID east, UUID rep, UUID rep2) {
        if (ruleSets.list().isEmpty()) {
            RoutingRuleSet rules = new RoutingRuleSet(
                    null,
                    RoutingRuleSet.DEFAULT_UNASSIGNED_QUEUE,
                    List.of(
                            rule("DACH", "Germany, Austria and Switzerland", DACH, east, 20),
                            rule("EU", "The rest of the European Union", OTHER_EU, east, 10)));
            ruleSets.activate(ruleSets.create(rules).id(), null);
        }
        if (members.get(east).members().stream().noneMatch(RoutingMembers.Member::configured)) {
            members.replace(
                    east,
                    List.of(
                            new RoutingMembers.Setting(rep, 2, 25, 100, true),
                            new RoutingMembers.Setting(rep2, 1, 20, 80, true)));
        }
    }

    private static RoutingRule rule(String name, String description, List<String> countries, UUID team, int priority) {
        return new RoutingRule(
                name,
                description,
                List.of(new Condition(LeadField.COUNTRY, Operator.IN, countries)),
                team.toString(),
                priority,
                true);
    }
}
