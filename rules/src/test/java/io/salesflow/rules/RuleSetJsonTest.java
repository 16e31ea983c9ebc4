package io.salesflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.routing.RoutingRule;
import io.salesflow.rules.routing.RoutingRuleSet;
import io.salesflow.rules.scoring.DefaultRuleSets;
import io.salesflow.rules.scoring.ScoringRuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetJsonTest {

    @Test
    void scoringRuleSetsSurviveARoundTrip() {
        ScoringRuleSet set = DefaultRuleSets.scoring();

        assertThat(RuleSetJson.read(RuleSetJson.write(set), ScoringRuleSet.class))
                .isEqualTo(set);
    }

    @Test
    void routingRuleSetsSurviveARoundTrip() {
        RoutingRuleSet set = new RoutingRuleSet(
                "r1",
                null,
                List.of(new RoutingRule(
                        "DACH",
                        null,
                        List.of(Condition.of(LeadField.COUNTRY, Operator.IN, "de", "at")),
                        "dach",
                        5,
                        null)));

        assertThat(RuleSetJson.read(RuleSetJson.write(set), RoutingRuleSet.class))
                .isEqualTo(set);
    }

    @Test
    void omittedFieldsTakeTheirDefaults() {
        ScoringRuleSet set = RuleSetJson.read(
                """
                {"version": "v1", "rules": [{"name": "R", "type": "DEMOGRAPHIC", "points": 3,
                  "engagement": [{"type": "EMAIL_OPENED"}]}]}
                """,
                ScoringRuleSet.class);

        assertThat(set.thresholds().hot()).isEqualTo(70);
        assertThat(set.rules().get(0).active()).isTrue();
        assertThat(set.rules().get(0).engagement().get(0).minCount()).isEqualTo(1);
    }

    @Test
    void misspeltFieldsAreRefused() {
        assertThatThrownBy(() -> RuleSetJson.read(
                        "{\"version\": \"v1\", \"rules\": [{\"name\": \"R\", \"type\": \"DEMOGRAPHIC\", \"pionts\": 3}]}",
                        ScoringRuleSet.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pionts");
    }
}
