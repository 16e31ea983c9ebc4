package io.salesflow.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how often each scenario runs. {@code smoke} only proves every scenario runs and produces figures (the
 * build's smoke test); {@code small} is the everyday run; {@code full} is the one to quote.
 */
public enum BenchSize {
    SMOKE(Duration.ofMillis(200), Duration.ofMillis(500), 1, 200, Duration.ofMillis(200), 1, 40, 1_000, 1_000),
    SMALL(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 2_000, Duration.ofSeconds(5), 3, 1_000, 100_000, 20_000),
    FULL(
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            5,
            2_000,
            Duration.ofSeconds(15),
            5,
            50_000,
            1_000_000,
            1_000_000);

    /** Before each scenario's measured runs: the JIT, the caches and the connection pools settle. */
    final Duration warmUp;
    /** Length of one measured run. */
    final Duration run;
    /** Measured runs per figure: the table shows their median, min and max. */
    final int repetitions;
    /** Distinct generated leads B8 scores with both scorers. */
    final int scoringLeads;
    /** B8's warm-up of both scorers. */
    final Duration scoringWarmUp;
    /** KieBase builds of 200 rules timed. */
    final int ruleBuilds;
    /** Async jobs B9's job executors drain, per run. */
    final int jobs;
    /** Leads and contacts (each) bulk-loaded for B5 and B6. */
    final int records;
    /** Rows of each contacts file B7 imports (one file per measured run). */
    final int importRows;

    BenchSize(
            Duration warmUp,
            Duration run,
            int repetitions,
            int scoringLeads,
            Duration scoringWarmUp,
            int ruleBuilds,
            int jobs,
            int records,
            int importRows) {
        this.warmUp = warmUp;
        this.run = run;
        this.repetitions = repetitions;
        this.scoringLeads = scoringLeads;
        this.scoringWarmUp = scoringWarmUp;
        this.ruleBuilds = ruleBuilds;
        this.jobs = jobs;
        this.records = records;
        this.importRows = importRows;
    }

    static BenchSize parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--size is smoke, small or full, not " + value, e);
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
