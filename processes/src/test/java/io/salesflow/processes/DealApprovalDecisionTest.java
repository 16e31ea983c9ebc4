package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deal-approval decision table on its own, without an engine: which deals need whose approval, and why. */
class DealApprovalDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = DealApprovalDecisionTest.class.getResourceAsStream("/processes/deal-approval.dmn")) {
            decision = dmn.parseDecision("deal-approval", in);
        }
    }

    private static List<Map<String, Object>> approvals(double amount, Double discount, Double margin, String region) {
        Map<String, Object> deal = new HashMap<>();
        deal.put("amount", amount);
        deal.put("discountPercent", discount);
        deal.put("marginPercent", margin);
        deal.put("region", region);
        deal.put("pipeline", "Sales");
        return dmn.evaluateDecisionTable(decision, deal).getResultList();
    }

    private static List<String> levelsAndRoles(List<Map<String, Object>> approvals) {
        return approvals.stream()
                .map(a -> a.get("level") + ":" + a.get("approverRole"))
                .toList();
    }

    @Test
    void aSmallDealAtListPriceAndAGoodMarginNeedsNoApproval() {
        assertThat(approvals(12_000, 5.0, 40.0, "EMEA")).isEmpty();
    }

    @Test
    void aDiscountOverTenPercentNeedsTheManager() {
        var result = approvals(12_000, 12.5, 40.0, "EMEA");
        assertThat(levelsAndRoles(result)).containsExactly("1:manager");
        assertThat(result.get(0)).containsEntry("ruleName", "Discount over 10%");
    }

    @Test
    void aLargeDealNeedsTheManagerThenTheHeadOfSales() {
        assertThat(levelsAndRoles(approvals(300_000, 0.0, 35.0, "EMEA")))
                .containsExactlyInAnyOrder("1:manager", "2:org_admin");
    }

    @Test
    void aThinMarginBringsFinanceInBesideTheManager() {
        assertThat(levelsAndRoles(approvals(60_000, 0.0, 15.0, "EMEA")))
                .containsExactlyInAnyOrder("1:manager", "1:finance");
    }

    @Test
    void aLargeDealInARiskyRegionNeedsFinance() {
        assertThat(levelsAndRoles(approvals(120_000, 0.0, 40.0, "APAC")))
                .containsExactlyInAnyOrder("1:manager", "1:finance");
        assertThat(levelsAndRoles(approvals(120_000, 0.0, 40.0, "EMEA"))).containsExactly("1:manager");
    }

    @Test
    void unknownDiscountMarginAndRegionMatchNoRuleOnThemselves() {
        assertThat(approvals(10_000, null, null, null)).isEmpty();
    }

    @Test
    void theLimitsAreInclusiveWhereTheTableSaysSo() {
        assertThat(approvals(49_999.99, 10.0, 20.0, "EMEA")).isEmpty();
        assertThat(levelsAndRoles(approvals(50_000, 10.0, 20.0, "EMEA"))).containsExactly("1:manager");
    }
}
