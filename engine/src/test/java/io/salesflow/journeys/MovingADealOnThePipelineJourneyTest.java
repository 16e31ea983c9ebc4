package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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

/** A rep moves a deal to the next stage on the pipeline board with the keyboard, and the server has it there. */
@BrowserJourney
class MovingADealOnThePipelineJourneyTest {

    private static final String REP = "rep@acme.test";
    private static final String DEAL = "Kestrel Aviation pilot";

    @Autowired
    Api api;

    @Test
    void aRepMovesADealToTheNextStageWithTheKeyboard(Page page) {
        String deal = api.as("acme", REP, "POST", "/api/v1/deals")
                .json(Map.of(
                        "name",
                        DEAL,
                        "amount",
                        12_000,
                        "currency",
                        "EUR",
                        "region",
                        "EMEA",
                        "stageId",
                        stage("Qualification")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        Journeys.signIn(page, "acme", REP);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pipeline"))
                .click();
        Locator qualification =
                page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Deals in Qualification"));
        Locator needsAnalysis =
                page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Deals in Needs analysis"));
        assertThat(qualification.getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(DEAL)))
                .isVisible();
        Accessibility.of(page).assertNoSeriousViolations();

        Locator handle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move " + DEAL));
        handle.focus();
        // Each key waits for the board's answer to the one before, as a screen-reader user waits for its announcement.
        page.keyboard().press("Space");
        assertThat(handle).hasAttribute("aria-pressed", "true");
        assertThat(page.getByText(DEAL + " is over Qualification.")).hasCount(1);
        page.keyboard().press("ArrowRight");
        assertThat(page.getByText(DEAL + " is over Needs analysis.")).hasCount(1);
        page.keyboard().press("Space");
        assertThat(page.getByText(DEAL + " dropped on Needs analysis.")).hasCount(1);

        assertThat(needsAnalysis.getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(DEAL)))
                .isVisible();
        assertThat(qualification.getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(DEAL)))
                .hasCount(0);
        String needsAnalysisId = stage("Needs analysis");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        get("/api/v1/deals/" + deal).get("stageId").asText().equals(needsAnalysisId));
    }

    private String stage(String name) {
        for (JsonNode p : get("/api/v1/pipelines")) {
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

    private JsonNode get(String path) {
        return api.as("acme", REP, "GET", path).send().expect(200).json();
    }
}
