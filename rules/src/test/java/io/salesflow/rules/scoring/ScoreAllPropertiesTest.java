package io.salesflow.rules.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.rules.bench.SampleLeads;
import io.salesflow.rules.criteria.EngagementCondition;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.LeadFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Scoring many leads in one session gives each lead what scoring it alone gives, whatever came before it. */
class ScoreAllPropertiesTest {

    private static final String[] GROUPS = {"band-a", "band-b", "band-c"};
    private static final Integer[] WINDOWS = {null, 7, 30, 90, 365};

    @Property(tries = 12)
    void scoreAllEqualsScoreLeadByLeadForRandomRuleSets(@ForAll long seed) {
        Random random = new Random(seed);
        CompiledScoringRuleSet rules = ScoringCompiler.compile(ruleSet(random)).orElseThrow();
        List<ScoringFacts> leads = batch(random);

        List<ScoreResult> all = rules.scoreAll(leads);

        assertThat(all).hasSameSizeAs(leads);
        for (int i = 0; i < leads.size(); i++) {
            assertThat(all.get(i)).as("lead %d of %d", i, leads.size()).isEqualTo(rules.score(leads.get(i)));
        }
    }

    @Property(tries = 40)
    void scoreAllEqualsScoreLeadByLeadForTheDefaultRules(@ForAll long seed) {
        CompiledScoringRuleSet rules = DefaultRuleSets.compiledScoring();
        List<ScoringFacts> leads = batch(new Random(seed));

        assertThat(rules.scoreAll(leads))
                .containsExactlyElementsOf(leads.stream().map(rules::score).toList());
    }

    /** Uploaded DRL may hold rules that match without the lead; each lead still counts them as alone. */
    @Example
    void uploadedRulesThatMatchWithoutTheLeadFireForEveryLead() {
        CompiledScoringRuleSet rules = ScoringCompiler.compileDrl(
                        "drl-1",
                        ScoringDrl.HEADER
                                + """
                                rule "Always"
                                    @points(1)
                                when
                                then
                                end

                                rule "Never opened"
                                    @points(2)
                                when
                                    not EngagementFact( type == EngagementType.EMAIL_OPENED )
                                then
                                end
                                """,
                        null)
                .orElseThrow();
        ScoringFacts quiet = new ScoringFacts(LeadFacts.builder().leadId("a").build(), List.of(), SampleLeads.AS_OF);
        ScoringFacts alsoQuiet =
                new ScoringFacts(LeadFacts.builder().leadId("b").build(), List.of(), SampleLeads.AS_OF);

        List<ScoreResult> all = rules.scoreAll(List.of(quiet, alsoQuiet));

        assertThat(all).extracting(ScoreResult::rawTotal).containsExactly(3L, 3L);
        assertThat(all).containsExactly(rules.score(quiet), rules.score(alsoQuiet));
    }

    @Example
    void noLeadsNoResults() {
        assertThat(DefaultRuleSets.compiledScoring().scoreAll(List.of())).isEmpty();
    }

    /** 1 to 60 sample leads, some of them twice, in no particular order. */
    private static List<ScoringFacts> batch(Random random) {
        List<ScoringFacts> leads = new ArrayList<>();
        int size = 1 + random.nextInt(60);
        for (int i = 0; i < size; i++) {
            leads.add(
                    !leads.isEmpty() && random.nextInt(8) == 0
                            ? leads.get(random.nextInt(leads.size()))
                            : SampleLeads.one(random, "lead-" + i));
        }
        return leads;
    }

    /**
     * A random part of the default rules with priorities and exclusive groups shuffled, and engagement rules of every
     * shape: windows, details, bounds, and "none" counts that match leads without events.
     */
    private static ScoringRuleSet ruleSet(Random random) {
        List<ScoringRule> rules = new ArrayList<>();
        for (ScoringRule rule : DefaultRuleSets.scoring().rules()) {
            if (random.nextInt(3) > 0) {
                rules.add(new ScoringRule(
                        rule.name(),
                        rule.type(),
                        null,
                        rule.conditions(),
                        rule.engagement(),
                        rule.points(),
                        random.nextInt(7) - 3,
                        random.nextInt(4) == 0 ? GROUPS[random.nextInt(GROUPS.length)] : rule.exclusiveGroup(),
                        random.nextInt(10) > 0));
            }
        }
        EngagementType[] types = EngagementType.values();
        for (int i = random.nextInt(8); i > 0; i--) {
            int min = random.nextInt(4);
            Integer max = random.nextBoolean() ? null : min + random.nextInt(3);
            List<String> details = random.nextInt(3) == 0 ? List.of("pricing", "demo_request") : List.of();
            EngagementCondition condition = new EngagementCondition(
                    types[random.nextInt(types.length)], details, WINDOWS[random.nextInt(WINDOWS.length)], min, max);
            rules.add(new ScoringRule(
                    "Engagement " + i,
                    RuleType.ENGAGEMENT,
                    null,
                    List.of(),
                    List.of(condition),
                    random.nextInt(41) - 20,
                    random.nextInt(7) - 3,
                    random.nextInt(3) == 0 ? GROUPS[random.nextInt(GROUPS.length)] : null,
                    true));
        }
        return new ScoringRuleSet("random-" + random.nextInt(1000), null, rules);
    }
}
