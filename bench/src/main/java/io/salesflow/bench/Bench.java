package io.salesflow.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * The benchmark command ({@code ./bench.sh [--size smoke|small|full]}, docs/performance.md): starts one embedded
 * PostgreSQL, measures B8 and B1 in this JVM, then starts Salesflow in a JVM of its own on the same PostgreSQL and
 * measures B2–B4 over HTTP; prints a table and writes {@code target/bench/results.json}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) {
        BenchSize size = BenchSize.SMALL;
        Path out = Paths.get("target", "bench");
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            if ("--size".equals(args[i]) && i + 1 < args.length) {
                size = BenchSize.parse(args[++i]);
            } else if (args[i].startsWith("--size=")) {
                size = BenchSize.parse(args[i].substring("--size=".length()));
            } else if ("--only".equals(args[i]) && i + 1 < args.length) {
                only = scenarios(args[++i]);
            } else if (args[i].startsWith("--only=")) {
                only = scenarios(args[i].substring("--only=".length()));
            } else if ("--out".equals(args[i]) && i + 1 < args.length) {
                out = Paths.get(args[++i]);
            } else {
                throw new IllegalArgumentException(
                        "Usage: bench.sh [--size smoke|small|full] [--only B1,B9,...] [--out DIR], not "
                                + String.join(" ", args));
            }
        }
        Report report = new Report(size);
        try {
            run(size, out, report, only);
        } finally {
            // A failed run still shows (and has written) what it measured before it failed.
            report.print(System.out);
            System.out.println("Written: " + out.resolve("results.json").toAbsolutePath());
        }
        System.exit(0);
    }

    /** Runs every scenario at the given size; writes {@code results.json} into {@code out}. */
    static Report run(BenchSize size, Path out) {
        return run(size, out, new Report(size), Set.of());
    }

    private static Set<String> scenarios(String list) {
        return Arrays.stream(list.toUpperCase(Locale.ROOT).split(","))
                .map(String::trim)
                .collect(Collectors.toSet());
    }

    /** {@code only}: the scenarios to run (B1 … B10), or empty for all; a ratio whose baseline was skipped is NaN. */
    private static Report run(BenchSize size, Path out, Report report, Set<String> only) {
        try {
            measure(size, out, report, new Selection(only));
        } finally {
            report.write(out.resolve("results.json"));
        }
        return report;
    }

    private record Selection(Set<String> only) {
        boolean wants(String... scenarios) {
            return only.isEmpty() || Arrays.stream(scenarios).anyMatch(only::contains);
        }
    }

    private static void measure(BenchSize size, Path out, Report report, Selection selected) {
        if (selected.wants("B8")) {
            step(report, out, "B8 Drools scoring against the hand-written scorer");
            Scoring.run(size, report);
        }
        try (BenchDatabase db = BenchDatabase.start()) {
            double straight = Double.NaN;
            double completions = Double.NaN;
            double correlations = Double.NaN;
            if (selected.wants("B1", "B2", "B3", "B4")) {
                step(report, out, "B1 bare Camunda engine");
                try (BareEngine bare =
                        BareEngine.start(db, BenchDatabase.BARE, ProcessEngineConfiguration.HISTORY_FULL)) {
                    bare.run(size, report);
                    straight = median(report, "B1", "straight-through starts");
                    completions = median(report, "B1", "task completions");
                    correlations = median(report, "B1", "message correlations");
                }
                try (BareEngine audit =
                        BareEngine.start(db, BenchDatabase.BARE_AUDIT, ProcessEngineConfiguration.HISTORY_AUDIT)) {
                    audit.runStraightThrough(size, report, "history audit");
                }
            }
            if (selected.wants("B9")) {
                step(report, out, "B9 job executor, default and tuned");
                JobExecutorScenario.run(db, size, report);
            }
            if (!selected.wants("B2", "B3", "B4", "B5", "B6", "B7", "B10")) {
                step(report, out, "Done");
                return;
            }
            step(report, out, "Starting Salesflow in its own JVM");
            long started = System.nanoTime();
            try (SalesflowApp app = SalesflowApp.start(db, out.resolve("app"))) {
                report.note("B2", "applicationStartSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
                HttpScenarios http = new HttpScenarios(app, db.superuser(BenchDatabase.APP), size, report);
                if (selected.wants("B2")) {
                    step(report, out, "B2 lead intake through POST /api/v1/leads");
                    http.leadIntake(straight);
                }
                if (selected.wants("B3")) {
                    step(report, out, "B3 task completion through /api/v1/tasks");
                    http.taskCompletion(completions);
                }
                if (selected.wants("B4")) {
                    step(report, out, "B4 message correlation through /api/v1/messages");
                    http.correlation(correlations);
                }
                loadAndRead(size, out, report, selected, app, db, http);
                if (selected.wants("B7")) {
                    step(
                            report,
                            out,
                            String.format(Locale.ROOT, "B7 import of %,d contacts from CSV", size.importRows));
                    new ImportScenario(app, db.superuser(BenchDatabase.APP), size, report).run();
                }
            }
        }
        step(report, out, "Done");
    }

    /** Loads the records step by step: B5 and B6 at the size's records, B10 at each of its two sizes. */
    private static void loadAndRead(
            BenchSize size,
            Path out,
            Report report,
            Selection selected,
            SalesflowApp app,
            BenchDatabase db,
            HttpScenarios http) {
        DataScenarios data = new DataScenarios(app, db.superuser(BenchDatabase.APP), size, report);
        GrowthScenario growth = new GrowthScenario(http, data, report);
        TreeSet<Integer> points = new TreeSet<>();
        if (selected.wants("B5", "B6")) {
            points.add(size.records);
        }
        int[] growthSizes = GrowthScenario.sizes(size);
        if (selected.wants("B10")) {
            points.add(growthSizes[0]);
            points.add(growthSizes[1]);
        }
        for (int point : points) {
            String label = String.format(Locale.ROOT, "%,d", point);
            step(report, out, "Loading up to " + label + " leads and " + label + " contacts");
            double loaded = data.loadUpTo(point);
            report.note("B5", "bulk load up to " + label + " leads and contacts (s)", Math.round(loaded * 10) / 10.0);
            if (point == size.records && selected.wants("B5", "B6")) {
                step(report, out, "B5 reads and B6 search at " + label + " leads and contacts");
                data.readsAndSearch(label);
            }
            if ((point == growthSizes[0] || point == growthSizes[1]) && selected.wants("B10")) {
                step(report, out, "B10 lead intake and reads at " + label + " leads");
                growth.measureAt(point, http.leadsInWorkspace());
            }
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
