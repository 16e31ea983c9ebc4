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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scoring throughput of the default rule set in Drools, one session per lead and {@code scoreAll} over chunks,
 * against {@link HandWrittenScorer} on the same leads, and the time to build a KieBase of 200 rules: the loop the
 * benchmark command's B8 runs, and a report of its own. Run: {@code ./mvnw -q -pl rules test-compile exec:java}.
 */
public final class ScoringBenchmark {

    /** Leads per {@code scoreAll} call, as a rescoring job or an import chunk hands them over. */
    public static final int CHUNK = 500;

    private static final int LEADS = 2_000;
    private static final Duration MEASURE = Duration.ofSeconds(1);
    private static final int ROUNDS = 9;

    /**
     * One measured run: leads scored per second, how many, in how long, and the CPU time the scoring thread used per
     * lead (steadier than the rate on a loaded machine).
     */
    public record Run(double perSecond, long scored, double seconds, double cpuMicrosPerLead) {}

    /** The ways B8 scores the same leads; each pass scores every lead once and answers the sum of raw totals. */
    public enum Scorer {
        DROOLS_PER_LEAD {
            @Override
            long pass(CompiledScoringRuleSet rules, List<ScoringFacts> leads) {
                long sum = 0;
                for (ScoringFacts lead : leads) {
                    sum += rules.score(lead).rawTotal();
                }
                return sum;
            }
        },
        DROOLS_BATCHED {
            @Override
            long pass(CompiledScoringRuleSet rules, List<ScoringFacts> leads) {
                long sum = 0;
                for (int from = 0; from < leads.size(); from += CHUNK) {
                    for (ScoreResult r : rules.scoreAll(leads.subList(from, Math.min(leads.size(), from + CHUNK)))) {
                        sum += r.rawTotal();
                    }
                }
                return sum;
            }
        },
        JAVA {
            @Override
            long pass(CompiledScoringRuleSet rules, List<ScoringFacts> leads) {
                long sum = 0;
                for (ScoringFacts lead : leads) {
                    sum += HandWrittenScorer.score(lead).rawTotal();
                }
                return sum;
            }
        };

        abstract long pass(CompiledScoringRuleSet rules, List<ScoringFacts> leads);
    }

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

        warmUp(rules, leads, Duration.ofSeconds(15));
        // the scorers take turns, so that a change in the machine's load falls on all three alike
        Map<Scorer, List<Run>> runs = new EnumMap<>(Scorer.class);
        for (int round = 0; round < ROUNDS; round++) {
            for (Scorer scorer : Scorer.values()) {
                runs.computeIfAbsent(scorer, s -> new ArrayList<>()).add(measure(scorer, rules, leads, MEASURE));
            }
        }
        Run perLead = median(runs.get(Scorer.DROOLS_PER_LEAD));
        Run batched = median(runs.get(Scorer.DROOLS_BATCHED));
        Run java = median(runs.get(Scorer.JAVA));

        ScoringRuleSet big = twoHundredRules();
        buildMillis(big);
        double[] build200 = new double[5];
        for (int i = 0; i < build200.length; i++) {
            build200[i] = buildMillis(big.withVersion("bench-" + i));
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
        for (Run run : List.of(perLead, batched, java)) {
            String name = run == perLead
                    ? "Drools, one session per lead"
                    : run == batched ? "Drools, scoreAll by " + CHUNK : "hand-written Java scorer";
            System.out.printf(
                    "%-30s %,10.0f leads/s, %6.2f us CPU per lead%n", name, run.perSecond(), run.cpuMicrosPerLead());
        }
        System.out.printf(
                "Drools cost / Java cost:       %.1fx per lead, %.1fx scoreAll (CPU: %.1fx, %.1fx; median of %d turns)%n",
                java.perSecond() / perLead.perSecond(),
                java.perSecond() / batched.perSecond(),
                perLead.cpuMicrosPerLead() / java.cpuMicrosPerLead(),
                batched.cpuMicrosPerLead() / java.cpuMicrosPerLead(),
                ROUNDS);
        System.out.printf(
                "KieBase of 200 rules: median %.0f ms, min %.0f ms, max %.0f ms (5 builds)%n",
                build200[2], build200[0], build200[4]);
    }

    /** The run of median CPU per lead. */
    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::cpuMicrosPerLead));
        return sorted.get(sorted.size() / 2);
    }

    /** Runs every scorer over the leads until {@code length} has passed, for the JIT to settle. */
    public static void warmUp(CompiledScoringRuleSet rules, List<ScoringFacts> leads, Duration length) {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            for (Scorer scorer : Scorer.values()) {
                scorer.pass(rules, leads);
            }
        }
    }

    /** Scores the leads with one scorer, pass after pass, for at least {@code length}. */
    public static Run measure(Scorer scorer, CompiledScoringRuleSet rules, List<ScoringFacts> leads, Duration length) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long scored = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long elapsed;
        do {
            sink += scorer.pass(rules, leads);
            scored += leads.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < length.toNanos());
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3;
        double seconds = elapsed / 1e9;
        return new Run(scored / seconds, scored, seconds, cpuMicros / scored);
    }

    /** Compiles the rule set once, in milliseconds. */
    public static double buildMillis(ScoringRuleSet set) {
        long start = System.nanoTime();
        ScoringCompiler.compile(set).orElseThrow();
        return (System.nanoTime() - start) / 1e6;
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
