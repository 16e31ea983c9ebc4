package io.salesflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.lead.Leads;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.routing.RoutingMembers;
import io.salesflow.routing.RoutingRuleSets;
import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.routing.RoutingRule;
import io.salesflow.rules.routing.RoutingRuleSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lead routing for the demo workspace: German-speaking and other EU countries go to team East, where Rita (weight
 * 2) and Ron share the leads within daily and open-lead caps; leads from elsewhere stay unassigned with whoever
 * brought them in. Loaded once: a workspace that has any rule set or member settings keeps its own. With the rules,
 * the manager enters three leads met at a trade fair outside the EU, which routing cannot place, so the manager has
 * a queue to work.
 */
@Component
class DemoRouting {

    static final List<String> DACH = List.of("DE", "AT", "CH");
    static final List<String> OTHER_EU = List.of(
            "BE", "BG", "CZ", "DK", "EE", "IE", "GR", "ES", "FR", "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL",
            "PL", "PT", "RO", "SI", "SK", "FI", "SE");

    /** Trade fair leads from outside the EU: first name, last name, company, country. */
    static final List<List<String>> UNPLACED = List.of(
            List.of("Camila", "Duarte", "Verde Logística", "BR"),
            List.of("Haruto", "Sato", "Kitsune Robotics", "JP"),
            List.of("Grace", "Okafor", "Lagos Fintech Hub", "NG"));

    private final RoutingRuleSets ruleSets;
    private final RoutingMembers members;
    private final Leads leads;
    private final OnBehalf onBehalf;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    DemoRouting(
            RoutingRuleSets ruleSets,
            RoutingMembers members,
            Leads leads,
            OnBehalf onBehalf,
            PlatformTransactionManager transactionManager,
            ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.members = members;
        this.leads = leads;
        this.onBehalf = onBehalf;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    void load(UUID east, UUID rep, UUID rep2, UUID manager) {
        boolean first = ruleSets.list().isEmpty();
        if (first) {
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
        if (first) {
            unplacedLeadsFrom(manager);
        }
    }

    private void unplacedLeadsFrom(UUID manager) {
        Caller caller = transactions
                .execute(s -> onBehalf.caller(manager, Set.of("leads:read", "leads:write")))
                .orElseThrow();
        RequestContext.Actor actor =
                new RequestContext.Actor(RequestContext.Actor.Type.USER, caller.userId(), caller.name());
        for (List<String> lead : UNPLACED) {
            ObjectNode body = json.createObjectNode()
                    .put("firstName", lead.get(0))
                    .put("lastName", lead.get(1))
                    .put("company", lead.get(2))
                    .put("country", lead.get(3))
                    .put("source", "event");
            onBehalf.call(caller, actor, new RequestMetadata("demo", null, null), () -> leads.create(body));
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
