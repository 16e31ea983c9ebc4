package io.salesflow.bench;

import java.util.Locale;

/**
 * B10, data growth: B2 (lead intake at saturation until listeners done, p95 at half of it) and B5's reads measured once
 * the workspace holds a smaller and once a larger number of bulk-loaded leads (and as many contacts), to show how a
 * lead's cost grows with the leads already there. The loads are {@link DataScenarios}' own, so B10 shares them with B5
 * and B6.
 */
final class GrowthScenario {

    private final HttpScenarios http;
    private final DataScenarios data;
    private final Report report;
    private double smaller = Double.NaN;

    GrowthScenario(HttpScenarios http, DataScenarios data, Report report) {
        this.http = http;
        this.data = data;
        this.report = report;
    }

    /** The two sizes (bulk-loaded leads) of a benchmark size: smoke 1,000 and 10,000, then 10,000 and 100,000 or 1,000,000. */
    static int[] sizes(BenchSize size) {
        return switch (size) {
            case SMOKE -> new int[] {1_000, 10_000};
            case SMALL -> new int[] {10_000, 100_000};
            case FULL -> new int[] {10_000, 1_000_000};
        };
    }

    /** Measures at the size loaded now; the second call also gives the ratio of the two intakes. */
    void measureAt(int loaded, long leadsInWorkspace) {
        String label = String.format(Locale.ROOT, "%,d", loaded);
        HttpScenarios.Intake intake = http.intake("B10", ", at " + label + " leads");
        report.note("B10", "leads in the workspace before B2 at " + label, leadsInWorkspace);
        double worstRead = data.reads("B10", label);
        report.ratio("B10", "reads: worst p95 at " + label + " (ms)", worstRead, "≤ 50 at 1,000,000");
        if (Double.isNaN(smaller)) {
            smaller = intake.sustained();
        } else {
            report.ratio(
                    "B10",
                    "lead intake (until listeners done) at " + label + " / at the smaller size",
                    intake.sustained() / smaller,
                    "≥ 0.8");
        }
    }
}
