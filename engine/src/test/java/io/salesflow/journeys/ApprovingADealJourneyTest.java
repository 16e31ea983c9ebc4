package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager approves a large deal from their approvals inbox, and the deal's approval is recorded. */
@BrowserJourney
class ApprovingADealJourneyTest {

    private static final String REP = "rep@acme.test";
    private static final String MANAGER = "manager@acme.test";

    @Autowired
    Api api;

    @Test
    void aManagerApprovesALargeDealFromTheApprovalsInbox(Page page) {
        String deal = dealInNegotiation("Zephyr Freight rollout", 60_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingFor(MANAGER, deal));
        Journeys.signIn(page, "acme", MANAGER);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Approvals"))
                .click();
        Locator approve =
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve Zephyr Freight rollout"));
        assertThat(approve).isVisible();
        Accessibility.of(page).assertNoSeriousViolations();
        approve.click();

        assertThat(approve).hasCount(0);
        JsonNode approval = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(REP, "/api/v1/deals/" + deal + "/approvals").get(0),
                        a -> a.get("status").asText().equals("APPROVED"));
        assertThat(approval.get("decisions").get(0).get("decision").asText()).isEqualTo("APPROVE");
    }

    private String dealInNegotiation(String name, int amount) {
        String id = api.as("acme", REP, "POST", "/api/v1/deals")
                .json(Map.of(
                        "name",
                        name,
                        "amount",
                        amount,
                        "currency",
                        "EUR",
                        "discountPercent",
                        0,
                        "marginPercent",
                        35,
                        "region",
                        "EMEA",
                        "stageId",
                        stage("Proposal")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", REP, "PATCH", "/api/v1/deals/" + id)
                .json(Map.of("stageId", stage("Negotiation")))
                .send()
                .expect(200);
        return id;
    }

    private boolean waitingFor(String email, String deal) {
        for (JsonNode a : get(email, "/api/v1/approvals").get("items")) {
            if (a.get("dealId").asText().equals(deal)) {
                return true;
            }
        }
        return false;
    }

    private String stage(String name) {
        for (JsonNode p : get(REP, "/api/v1/pipelines")) {
            if (p.get("name").asText().equals("Sales")) {
                for (JsonNode s : p.get("stages")) {
                    if (s.get("name").asText().equals(name)) {
                        return s.get("id").asText();
                    }
                }
            }
        }
        throw new AssertionError("no stage " + name);
    }

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }
}
