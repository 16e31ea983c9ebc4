package io.salesflow.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * The benchmark command ({@code ./bench.sh [--size smoke|small|full]}, docs/performance.md): starts one embedded
 * PostgreSQL, measures B8 and B1 in this JVM, then starts Salesflow in a JVM of its own on the same PostgreSQL and
 * measures B2–B7 over HTTP; prints a table and writes {@code target/bench/results.json}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) {
        BenchSize size = BenchSize.SMALL;
        Path out = Paths.get("target", "bench");
        boolean importOnly = false;
        for (int i = 0; i < args.length; i++) {
            if ("--size".equals(args[i]) && i + 1 < args.length) {
                size = BenchSize.parse(args[++i]);
            } else if (args[i].startsWith("--size=")) {
                size = BenchSize.parse(args[i].substring("--size=".length()));
            } else if ("--only=B7".equals(args[i])) {
                importOnly = true;
            } else if ("--out".equals(args[i]) && i + 1 < args.length) {
                out = Paths.get(args[++i]);
            } else {
                throw new IllegalArgumentException(
                        "Usage: bench.sh [--size smoke|small|full] [--only=B7] [--out DIR], not "
                                + String.join(" ", args));
            }
        }
        Report report = new Report(size);
        try {
            if (importOnly) {
                importOnly(size, out, report);
            } else {
                run(size, out, report);
            }
        } finally {
            // A failed run still shows (and has written) what it measured before it failed.
            report.print(System.out);
            System.out.println("Written: " + out.resolve("results.json").toAbsolutePath());
        }
        System.exit(0);
    }

    /** Runs every scenario at the given size; writes {@code results.json} into {@code out}. */
    static Report run(BenchSize size, Path out) {
        return run(size, out, new Report(size));
    }

    private static Report run(BenchSize size, Path out, Report report) {
        try {
            measure(size, out, report);
        } finally {
            report.write(out.resolve("results.json"));
        }
        return report;
    }

    private static void measure(BenchSize size, Path out, Report report) {
        step(report, out, "B8 Drools scoring against the hand-written scorer");
        Scoring.run(size, report);
        try (BenchDatabase db = BenchDatabase.start()) {
            double straight;
            double completions;
            double correlations;
            step(report, out, "B1 bare Camunda engine");
            try (BareEngine bare = BareEngine.start(db, BenchDatabase.BARE, ProcessEngineConfiguration.HISTORY_FULL)) {
                bare.run(size, report);
                straight = median(report, "B1", "straight-through starts");
                completions = median(report, "B1", "task completions");
                correlations = median(report, "B1", "message correlations");
            }
            try (BareEngine audit =
                    BareEngine.start(db, BenchDatabase.BARE_AUDIT, ProcessEngineConfiguration.HISTORY_AUDIT)) {
                audit.runStraightThrough(size, report, "history audit");
            }
            step(report, out, "B9 job executor, default and tuned");
            JobExecutorScenario.run(db, size, report);
            step(report, out, "Starting Salesflow in its own JVM");
            long started = System.nanoTime();
            try (SalesflowApp app = SalesflowApp.start(db, out.resolve("app"))) {
                report.note("B2", "applicationStartSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
                HttpScenarios http = new HttpScenarios(app, db.superuser(BenchDatabase.APP), size, report);
                step(report, out, "B2 lead intake through POST /api/v1/leads");
                http.leadIntake(straight);
                step(report, out, "B3 task completion through /api/v1/tasks");
                http.taskCompletion(completions);
                step(report, out, "B4 message correlation through /api/v1/messages");
                http.correlation(correlations);
                DataScenarios data = new DataScenarios(app, db.superuser(BenchDatabase.APP), size, report);
                String label = String.format(Locale.ROOT, "%,d", size.records);
                step(report, out, "Loading " + label + " leads and " + label + " contacts");
                double loaded = data.load(size.records);
                report.note("B5", "bulk load of " + label + " leads and contacts (s)", Math.round(loaded * 10) / 10.0);
                step(report, out, "B5 reads and B6 search at " + label + " leads and contacts");
                data.readsAndSearch(label);
                step(report, out, String.format(Locale.ROOT, "B7 import of %,d contacts from CSV", size.importRows));
                new ImportScenario(app, db.superuser(BenchDatabase.APP), size, report).run();
            }
        }
        step(report, out, "Done");
    }

    /** B7 alone, for tuning imports: Salesflow on its own PostgreSQL and the import, nothing else. */
    private static void importOnly(BenchSize size, Path out, Report report) {
        try (BenchDatabase db = BenchDatabase.start();
                SalesflowApp app = SalesflowApp.start(db, out.resolve("app"))) {
            step(report, out, String.format(Locale.ROOT, "B7 import of %,d contacts from CSV", size.importRows));
            new ImportScenario(app, db.superuser(BenchDatabase.APP), size, report).run();
        } finally {
            report.write(out.resolve("results.json"));
        }
    }

    private static double median(Report report, String scenario, String name) {
        return report.figures().stream()
                .filter(f -> f.scenario.equals(scenario) && f.name.equals(name))
                .findFirst()
                .orElseThrow()
                .median();
    }

    private static final long STARTED = System.nanoTime();

    /** Announces the next step and writes what was measured so far: an interrupted run keeps its figures. */
    private static void step(Report report, Path out, String what) {
        report.write(out.resolve("results.json"));
        say(what);
    }

    private static void say(String what) {
        System.out.printf("[bench %5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }
}
