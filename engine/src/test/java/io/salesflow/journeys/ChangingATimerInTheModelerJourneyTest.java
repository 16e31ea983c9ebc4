package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ops changes a timer of lead nurture in the modeler's properties panel, deploys, and sees the new version. The
 * version it replaced is deployed again afterwards, so the tests after this one run the shipped process.
 */
@BrowserJourney
class ChangingATimerInTheModelerJourneyTest {

    private static final String OPS = "ops@acme.test";

    @Autowired
    Api api;

    @Test
    void opsChangesTheColdLeadWaitOfLeadNurtureDeploysItAndSeesTheNewVersion(Page page) {
        JsonNode latest = get("/api/v1/process-definitions/lead-nurture/versions")
                .get("items")
                .get(0);
        int version = latest.get("version").asInt();
        JsonNode shipped = get("/api/v1/process-definitions/" + latest.get("id").asText() + "/xml");
        try {
            Journeys.signIn(page, "acme", OPS);
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Modeler"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lead nurture"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("version " + version);

            // bpmn-js lays a hit area over each label: the click lands there, as a user's does.
            page.getByText("Re-scoring period over").click(new Locator.ClickOptions().setForce(true));
            Locator properties = page.getByLabel("Properties");
            properties
                    .getByText("Timer", new Locator.GetByTextOptions().setExact(true))
                    .click();
            Locator value = properties.getByLabel("Value");
            value.fill("P45D");
            value.press("Tab");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy"))
                    .click();

            int next = version + 1;
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("version " + next);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("v" + next)))
                    .isVisible();
            // The canvas and the properties panel are bpmn-js's own markup.
            Accessibility.of(page).excluding(".sf-canvas-area").assertNoSeriousViolations();
        } finally {
            api.as("acme", OPS, "POST", "/api/v1/deployments")
                    .multipart(new Multipart()
                            .file(
                                    "file",
                                    shipped.get("resourceName").asText(),
                                    "application/xml",
                                    shipped.get("xml").asText().getBytes(StandardCharsets.UTF_8)))
                    .send()
                    .expect(201);
        }
    }

    private JsonNode get(String path) {
        return api.as("acme", OPS, "GET", path).send().expect(200).json();
    }
}
