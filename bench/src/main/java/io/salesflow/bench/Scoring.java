package io.salesflow.bench;

import io.salesflow.rules.bench.SampleLeads;
import io.salesflow.rules.bench.ScoringBenchmark;
import io.salesflow.rules.bench.ScoringBenchmark.Scorer;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import io.salesflow.rules.scoring.DefaultRuleSets;
import io.salesflow.rules.scoring.ScoringFacts;
import io.salesflow.rules.scoring.ScoringRuleSet;
import java.util.List;

/**
 * B8: the rules module's {@link ScoringBenchmark} at the benchmark's size: the default scoring rule set in Drools, one
 * session per lead and {@code scoreAll} over chunks, against {@code HandWrittenScorer} (the same rules as plain Java,
 * kept in step by the rules module's property test) on the same generated leads, one thread; and the time to build
 * the KieBase of a 200-rule set. Alone: {@code java -cp … io.salesflow.bench.Scoring [smoke|small|full]}.
 */
final class Scoring {

    private Scoring() {}

    static void run(BenchSize size, Report report) {
        List<ScoringFacts> leads = SampleLeads.generate(size.scoringLeads, 42);
        CompiledScoringRuleSet rules = DefaultRuleSets.compiledScoring();
        Figure perLead = report.figure("B8", "Drools scorings, one session per lead (default rules)", "/s");
        Figure batched = report.figure(
                "B8", "Drools scorings, scoreAll by " + ScoringBenchmark.CHUNK + " (default rules)", "/s");
        Figure java = report.figure("B8", "hand-written Java scorings", "/s");
        Figure build = report.figure("B8", "KieBase build, 200 rules", "ms");
        perLead.note("rules", rules.ruleCount()).note("leads", leads.size());

        ScoringBenchmark.warmUp(rules, leads, size.scoringWarmUp);
        for (int i = 0; i < size.repetitions; i++) {
            perLead.add(run(Scorer.DROOLS_PER_LEAD, rules, leads, size));
            batched.add(run(Scorer.DROOLS_BATCHED, rules, leads, size));
            java.add(run(Scorer.JAVA, rules, leads, size));
        }

        ScoringRuleSet big = ScoringBenchmark.twoHundredRules();
        ScoringBenchmark.buildMillis(big);
        for (int i = 0; i < size.ruleBuilds; i++) {
            double ms = ScoringBenchmark.buildMillis(big.withVersion("bench-" + i));
            build.add(new Figure.Run(ms, 1, ms / 1000));
        }
        report.ratio("B8", "Drools cost / Java scorer cost (scoreAll)", java.median() / batched.median(), "≤ 2");
        report.ratio(
                "B8",
                "Drools cost / Java scorer cost (one session per lead)",
                java.median() / perLead.median(),
                "(≤ 2 above)");
    }

    private static Figure.Run run(
            Scorer scorer, CompiledScoringRuleSet rules, List<ScoringFacts> leads, BenchSize size) {
        ScoringBenchmark.Run run = ScoringBenchmark.measure(scorer, rules, leads, size.run);
        return new Figure.Run(run.perSecond(), run.scored(), run.seconds());
    }

    /** B8 alone, printed: for tuning the scorer without the database and Salesflow's start. */
    public static void main(String[] args) {
        BenchSize size = BenchSize.parse(args.length > 0 ? args[0] : "small");
        Report report = new Report(size);
        run(size, report);
        report.print(System.out);
    }
}
