package io.salesflow.bench;

import io.salesflow.rules.bench.HandWrittenScorer;
import io.salesflow.rules.bench.SampleLeads;
import io.salesflow.rules.bench.ScoringBenchmark;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import io.salesflow.rules.scoring.DefaultRuleSets;
import io.salesflow.rules.scoring.ScoringCompiler;
import io.salesflow.rules.scoring.ScoringFacts;
import io.salesflow.rules.scoring.ScoringRuleSet;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * B8: the default scoring rule set compiled to Drools against {@code HandWrittenScorer} (the same rules as plain
 * Java, kept in step by the rules module's property test) on the same generated leads, one thread each; and the time
 * to build the KieBase of a 200-rule set.
 */
final class Scoring {

    private Scoring() {}

    static void run(BenchSize size, Report report) {
        List<ScoringFacts> leads = SampleLeads.generate(size.scoringLeads, 42);
        CompiledScoringRuleSet rules = DefaultRuleSets.compiledScoring();
        Figure drools = report.figure("B8", "Drools scorings (default rules)", "/s");
        Figure java = report.figure("B8", "hand-written Java scorings", "/s");
        Figure build = report.figure("B8", "KieBase build, 200 rules", "ms");
        drools.note("rules", rules.ruleCount()).note("leads", leads.size());

        long warmUpEnd = System.nanoTime() + size.scoringWarmUp.toNanos();
        while (System.nanoTime() < warmUpEnd) {
            for (ScoringFacts lead : leads) {
                rules.score(lead);
                HandWrittenScorer.score(lead);
            }
        }
        for (int i = 0; i < size.repetitions; i++) {
            drools.add(perSecond(leads, size.run, lead -> rules.score(lead).rawTotal()));
            java.add(perSecond(
                    leads, size.run, lead -> HandWrittenScorer.score(lead).rawTotal()));
        }

        ScoringRuleSet big = ScoringBenchmark.twoHundredRules();
        ScoringCompiler.compile(big).orElseThrow();
        for (int i = 0; i < size.ruleBuilds; i++) {
            long start = System.nanoTime();
            ScoringCompiler.compile(big.withVersion("bench-" + i)).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            build.add(new Figure.Run(seconds * 1000, 1, seconds));
        }
        report.ratio("B8", "Drools cost / Java scorer cost", java.median() / drools.median(), "≤ 2");
    }

    private static Figure.Run perSecond(
            List<ScoringFacts> leads, Duration length, ToLongFunction<ScoringFacts> scorer) {
        long sink = 0;
        long scored = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (ScoringFacts lead : leads) {
                sink += scorer.applyAsLong(lead);
            }
            scored += leads.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < length.toNanos());
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        double seconds = elapsed / 1e9;
        return new Figure.Run(scored / seconds, scored, seconds);
    }
}
