package io.salesflow.rules.routing;

import static io.salesflow.rules.criteria.Operator.BETWEEN;
import static io.salesflow.rules.criteria.Operator.CONTAINS_ANY;
import static io.salesflow.rules.criteria.Operator.EQUALS;
import static io.salesflow.rules.criteria.Operator.IN;
import static io.salesflow.rules.criteria.Operator.IS_TRUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.facts.LeadFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    private static final RoutingRuleSet RULES = new RoutingRuleSet(
            "routing-1",
            null,
            List.of(
                    rule(
                            "Berlin postcodes",
                            "de-berlin",
                            20,
                            c(LeadField.COUNTRY, EQUALS, "DE"),
                            c(LeadField.POSTAL_CODE, BETWEEN, "10115", "14199")),
                    rule("DACH", "dach", 10, c(LeadField.COUNTRY, IN, "DE", "AT", "CH")),
                    rule("Enterprise", "enterprise", 30, c(LeadField.COMPANY_SIZE, IN, "1001-5000", "5001+")),
                    rule("Banks", "fsi", 25, c(LeadField.INDUSTRY, CONTAINS_ANY, "bank")),
                    rule("Analytics product", "analytics", 5, c(LeadField.PRODUCT_INTEREST, EQUALS, "analytics")),
                    rule("French speakers", "fr-desk", 5, c(LeadField.LANGUAGE, EQUALS, "fr")),
                    rule(
                            "US West",
                            "us-west",
                            10,
                            c(LeadField.COUNTRY, EQUALS, "US"),
                            c(LeadField.REGION, IN, "CA", "OR", "WA")),
                    new RoutingRule(
                            "Retired rule", null, List.of(c(LeadField.COUNTRY, EQUALS, "IT")), "italy", 99, false)));

    private static final CompiledRoutingRuleSet COMPILED =
            RoutingCompiler.compile(RULES).orElseThrow();

    private static Condition c(LeadField field, Operator op, String... values) {
        return Condition.of(field, op, values);
    }

    private static RoutingRule rule(String name, String team, int priority, Condition... conditions) {
        return new RoutingRule(name, null, List.of(conditions), team, priority, true);
    }

    private static RoutingDecision route(LeadFacts.Builder lead) {
        return COMPILED.route(lead.build());
    }

    @Test
    void postalCodeInsideTheRangeGoesToTheCityTeamOverTheCountryTeam() {
        RoutingDecision d = route(LeadFacts.builder().country("DE").postalCode("10999"));

        assertThat(d.queue()).isEqualTo("de-berlin");
        assertThat(d.chosen().rule()).isEqualTo("Berlin postcodes");
        assertThat(d.matches()).extracting(RuleMatch::rule).containsExactly("Berlin postcodes", "DACH");
    }

    @Test
    void postalCodeOutsideTheRangeFallsBackToTheCountryTeam() {
        assertThat(route(LeadFacts.builder().country("DE").postalCode("80331")).queue())
                .isEqualTo("dach");
        assertThat(route(LeadFacts.builder().country("CH")).queue()).isEqualTo("dach");
    }

    @Test
    void segmentOutranksTerritoryByPriority() {
        RoutingDecision d =
                route(LeadFacts.builder().country("DE").postalCode("10999").companySize("5001+"));

        assertThat(d.queue()).isEqualTo("enterprise");
        assertThat(d.matches()).extracting(RuleMatch::priority).containsExactly(30, 20, 10);
    }

    @Test
    void industryProductAndLanguageRoute() {
        assertThat(route(LeadFacts.builder().industry("Retail Banking")).queue())
                .isEqualTo("fsi");
        assertThat(route(LeadFacts.builder().productInterest("Analytics")).queue())
                .isEqualTo("analytics");
        assertThat(route(LeadFacts.builder().language("FR")).queue()).isEqualTo("fr-desk");
    }

    @Test
    void equalPrioritiesGoToTheEarlierRule() {
        RoutingDecision d =
                route(LeadFacts.builder().productInterest("analytics").language("fr"));

        assertThat(d.chosen().rule()).isEqualTo("Analytics product");
    }

    @Test
    void regionNeedsItsCountry() {
        assertThat(route(LeadFacts.builder().country("US").region("WA")).queue())
                .isEqualTo("us-west");
        assertThat(route(LeadFacts.builder().country("US").region("NY")).unassigned())
                .isTrue();
    }

    @Test
    void leadNoRulePlacesGoesToTheUnassignedQueue() {
        RoutingDecision d = route(LeadFacts.builder().country("BR"));

        assertThat(d.unassigned()).isTrue();
        assertThat(d.queue()).isEqualTo(RoutingRuleSet.DEFAULT_UNASSIGNED_QUEUE);
        assertThat(d.chosen()).isNull();
        assertThat(d.matches()).isEmpty();
        assertThat(d.ruleSetVersion()).isEqualTo("routing-1");
    }

    @Test
    void inactiveRulesNeverMatch() {
        assertThat(route(LeadFacts.builder().country("IT")).unassigned()).isTrue();
    }

    @Test
    void invalidRulesAreRefusedWithTheirNames() {
        CompileResult<CompiledRoutingRuleSet> result = RoutingCompiler.compile(new RoutingRuleSet(
                "bad",
                "unassigned",
                List.of(
                        rule("No team", "has space", 1, c(LeadField.COUNTRY, EQUALS, "DE")),
                        rule("Flag misuse", "t", 1, c(LeadField.COUNTRY, IS_TRUE)),
                        rule("Flag misuse", "t", 1))));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems())
                .extracting(p -> p.rule() + ": " + p.message())
                .anyMatch(m -> m.startsWith("No team: the team id"))
                .anyMatch(m -> m.startsWith("Flag misuse: IS_TRUE applies to yes/no fields only"))
                .anyMatch(m -> m.equals("Flag misuse: another rule has the same name"));
    }
}
