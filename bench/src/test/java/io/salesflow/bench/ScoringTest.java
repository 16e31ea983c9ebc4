package io.salesflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** B8 alone at the smallest setting: every scorer and the 200-rule build count something; times are not checked. */
class ScoringTest {

    @Test
    void b8ReportsPerLeadAndBatchedDroolsAgainstTheJavaScorerWithBothRatios() {
        Report report = new Report(BenchSize.SMOKE);

        Scoring.run(BenchSize.SMOKE, report);

        assertThat(report.figures())
                .extracting(f -> f.name)
                .containsExactly(
                        "Drools scorings, one session per lead (default rules)",
                        "Drools scorings, scoreAll by 500 (default rules)",
                        "hand-written Java scorings",
                        "KieBase build, 200 rules");
        for (Figure figure : report.figures()) {
            assertThat(figure.totalCount()).as(figure.name).isPositive();
            assertThat(figure.median()).as(figure.name).isPositive();
        }
        assertThat(report.ratios())
                .extracting(Report.Ratio::name)
                .containsExactly(
                        "Drools cost / Java scorer cost (scoreAll)",
                        "Drools cost / Java scorer cost (one session per lead)");
        assertThat(report.ratios()).allSatisfy(r -> assertThat(r.value()).isPositive());
    }
}
