package io.salesflow.rules.bench;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.EngagementCondition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import io.salesflow.rules.scoring.DefaultRuleSets;
import io.salesflow.rules.scoring.FiredRule;
import io.salesflow.rules.scoring.RuleType;
import io.salesflow.rules.scoring.ScoreResult;
import io.salesflow.rules.scoring.ScoringCompiler;
import io.salesflow.rules.scoring.ScoringFacts;
import io.salesflow.rules.scoring.ScoringRule;
import io.salesflow.rules.scoring.ScoringRuleSet;
import io.salesflow.rules.scoring.TemperatureThresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints scoring throughput of the default rule set in Drools against {@link HandWrittenScorer} on the same leads,
 * and the time to build a KieBase of 200 rules. Run: {@code ./mvnw -q -pl rules test-compile exec:java}.
 */
public final class ScoringBenchmark {

    private static final int LEADS = 2_000;
    private static final long MEASURE_NANOS = 5_000_000_000L;

    private ScoringBenchmark() {}

    public static void main(String[] args) {
        List<ScoringFacts> leads = SampleLeads.generate(LEADS, 42);
        long t0 = System.nanoTime();
        CompiledScoringRuleSet rules = DefaultRuleSets.compiledScoring();
        double defaultBuildMs = (System.nanoTime() - t0) / 1e6;

        int mismatches = 0;
        for (ScoringFacts lead : leads) {
            ScoreResult drools = rules.score(lead);
            HandWrittenScorer.Outcome java = HandWrittenScorer.score(lead);
            List<String> fired =
                    drools.fired().stream().map(FiredRule::rule).sorted().toList();
            if (!fired.equals(java.fired().stream().sorted().toList()) || drools.rawTotal() != java.rawTotal()) {
                mismatches++;
            }
        }

        warmUp(rules, leads);
        double drools = perSecond(leads, lead -> rules.score(lead).rawTotal());
        double java = perSecond(leads, lead -> HandWrittenScorer.score(lead).rawTotal());

        double[] build200 = new double[5];
        ScoringRuleSet big = twoHundredRules();
        ScoringCompiler.compile(big).orElseThrow();
        for (int i = 0; i < build200.length; i++) {
            long s = System.nanoTime();
            ScoringCompiler.compile(big.withVersion("bench-" + i)).orElseThrow();
            build200[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(build200);

        System.out.printf(
                "machine: %d cores, %s %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf("default rule set: %d rules, first compile %.0f ms%n", rules.ruleCount(), defaultBuildMs);
        System.out.printf(
                "leads: %d distinct, same leads for both; rules fired differently on %d%n", LEADS, mismatches);
        System.out.printf("Drools (one session per lead):      %,.0f leads/s%n", drools);
        System.out.printf("hand-written Java scorer:            %,.0f leads/s%n", java);
        System.out.printf("ratio Java / Drools:                 %.1fx%n", java / drools);
        System.out.printf(
                "KieBase of 200 rules: median %.0f ms, min %.0f ms, max %.0f ms (5 builds)%n",
                build200[2], build200[0], build200[4]);
    }

    private interface Run {
        long score(ScoringFacts lead);
    }

    private static void warmUp(CompiledScoringRuleSet rules, List<ScoringFacts> leads) {
        long end = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < end) {
            for (ScoringFacts lead : leads) {
                rules.score(lead);
                HandWrittenScorer.score(lead);
            }
        }
    }

    private static double perSecond(List<ScoringFacts> leads, Run run) {
        long sink = 0;
        long scored = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (ScoringFacts lead : leads) {
                sink += run.score(lead);
            }
            scored += leads.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < MEASURE_NANOS);
        if (sink == 42) {
            System.out.print("");
        }
        return scored / (elapsed / 1e9);
    }

    /** 200 rules of every kind: field conditions of each operator and engagement windows. */
    public static ScoringRuleSet twoHundredRules() {
        List<ScoringRule> rules = new ArrayList<>();
        LeadField[] text = {
            LeadField.EMAIL_DOMAIN,
            LeadField.TITLE,
            LeadField.INDUSTRY,
            LeadField.COUNTRY,
            LeadField.SOURCE,
            LeadField.COMPANY_SIZE,
            LeadField.PRODUCT_INTEREST
        };
        EngagementType[] types = EngagementType.values();
        for (int i = 0; i < 200; i++) {
            LeadField f = text[i % text.length];
            Condition c =
                    switch (i % 5) {
                        case 0 -> Condition.of(f, Operator.EQUALS, "value-" + i);
                        case 1 -> Condition.of(f, Operator.IN, "a" + i, "b" + i, "c" + i);
                        case 2 -> Condition.of(f, Operator.CONTAINS_ANY, "x" + i, "y" + i);
                        case 3 -> Condition.of(f, Operator.NOT_IN, "n" + i);
                        default -> Condition.of(f, Operator.PRESENT);
                    };
            List<EngagementCondition> engagement = i % 3 == 0
                    ? List.of(EngagementCondition.atLeast(1 + i % 4, types[i % types.length], 7 + i % 90))
                    : List.of();
            rules.add(new ScoringRule(
                    "Rule " + i,
                    RuleType.values()[i % 4],
                    null,
                    List.of(c),
                    engagement,
                    i % 21 - 10,
                    i % 7,
                    null,
                    true));
        }
        return new ScoringRuleSet("bench-200", TemperatureThresholds.DEFAULT, rules);
    }
}
