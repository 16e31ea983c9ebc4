package io.salesflow.rules.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.rules.bench.HandWrittenScorer;
import io.salesflow.rules.bench.SampleLeads;
import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.EngagementCondition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.rules.facts.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class ScoringPropertiesTest {

    private static final CompiledScoringRuleSet DEFAULT = DefaultRuleSets.compiledScoring();

    /** Rules worth hundreds of points either way, so raw totals land far outside 0-100. */
    private static final CompiledScoringRuleSet EXTREME = ScoringCompiler.compile(new ScoringRuleSet(
                    "extreme",
                    null,
                    List.of(
                            rule("Big plus", 900, Condition.of(LeadField.PHONE_PRESENT, Operator.IS_TRUE)),
                            rule("Big minus", -700, Condition.of(LeadField.COUNTRY, Operator.IN, "de", "us")),
                            rule("Small", 35, Condition.of(LeadField.SOURCE, Operator.NOT_EQUALS, "import")),
                            new ScoringRule(
                                    "Clicks",
                                    RuleType.ENGAGEMENT,
                                    null,
                                    List.of(),
                                    List.of(EngagementCondition.atLeast(2, EngagementType.EMAIL_CLICKED, 60)),
                                    -400,
                                    0,
                                    null,
                                    true))))
            .orElseThrow();

    private static ScoringRule rule(String name, int points, Condition condition) {
        return new ScoringRule(name, RuleType.FIRMOGRAPHIC, null, List.of(condition), List.of(), points, 0, null, true);
    }

    @Provide
    Arbitrary<ScoringFacts> leads() {
        return Arbitraries.longs().map(seed -> SampleLeads.one(new Random(seed), "lead"));
    }

    @Property(tries = 300)
    void scoreStaysWithin0To100AndExplanationAddsUpToTheRawTotal(
            @ForAll("leads") ScoringFacts facts, @ForAll boolean extreme) {
        CompiledScoringRuleSet rules = extreme ? EXTREME : DEFAULT;

        ScoreResult r = rules.score(facts);

        assertThat(r.score()).isBetween(0, 100);
        assertThat(r.fired().stream().mapToLong(FiredRule::points).sum()).isEqualTo(r.rawTotal());
        assertThat(r.score()).isEqualTo((int) Math.max(0, Math.min(100, r.rawTotal())));
        assertThat(r.temperature()).isEqualTo(rules.thresholds().of(r.score()));
        assertThat(r.ruleSetVersion()).isEqualTo(rules.version());
    }

    @Property(tries = 300)
    void droolsFiresTheSameRulesAsTheHandWrittenScorer(@ForAll("leads") ScoringFacts facts) {
        ScoreResult drools = DEFAULT.score(facts);
        HandWrittenScorer.Outcome java = HandWrittenScorer.score(facts);

        assertThat(drools.fired()).extracting(FiredRule::rule).containsExactlyInAnyOrderElementsOf(java.fired());
        assertThat(drools.rawTotal()).isEqualTo(java.rawTotal());
    }

    /** Found by the property below: a NUL ended the rule's copy of the value, so the rule never fired. */
    @net.jqwik.api.Example
    void controlCharactersInAValueNeitherCutTheRuleShortNorStopItMatching() {
        for (String value : List.of("Acme\u0000 Corp", "x\u0000\u0001y")) {
            CompiledScoringRuleSet set = ScoringCompiler.compile(new ScoringRuleSet(
                            "text",
                            null,
                            List.of(rule("Match", 1, Condition.of(LeadField.COMPANY, Operator.EQUALS, value)))))
                    .orElseThrow();
            ScoreResult r = set.score(
                    new ScoringFacts(LeadFacts.builder().company(value).build(), List.of(), SampleLeads.AS_OF));
            assertThat(r.fired()).extracting(FiredRule::rule).containsExactly("Match");
        }
    }

    /** Quotes, backslashes, dollar signs and any Unicode in rule values stay plain text in the DRL. */
    @Property(tries = 8)
    void anyTextValueMatchesExactlyTheLeadsWithThatText(
            @ForAll @Size(min = 1, max = 12) List<@StringLength(min = 1, max = 12) String> raw) {
        List<String> values = raw.stream().filter(v -> Text.normal(v) != null).toList();
        List<ScoringRule> rules = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rules.add(rule("Value " + i, 1, Condition.of(LeadField.COMPANY, Operator.EQUALS, values.get(i))));
        }
        CompiledScoringRuleSet set =
                ScoringCompiler.compile(new ScoringRuleSet("text", null, rules)).orElseThrow();

        for (String value : values) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (Text.normal(values.get(i)).equals(Text.normal(value))) {
                    expected.add("Value " + i);
                }
            }
            ScoreResult r = set.score(
                    new ScoringFacts(LeadFacts.builder().company(value).build(), List.of(), SampleLeads.AS_OF));
            assertThat(r.fired()).extracting(FiredRule::rule).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
