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
import io.salesflow.support.DurableEventProbe;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lead the manager met at a trade fair, from outside every territory, stays unassigned with them; they follow the one
 * task about the queue from the dashboard to the unassigned leads page and give the lead to Rita with a reason.
 */
@BrowserJourney
class PlacingALeadRoutingCouldNotPlaceJourneyTest {

    private static final String MANAGER = "manager@acme.test";
    private static final String TASK = "Assign the leads routing could not place";

    @Autowired
    Api api;

    @Test
    void theManagerGivesAnUnplacedLeadToARepFromTheQueue(Page page) {
        String surname = "Unplaced" + UUID.randomUUID().toString().substring(0, 6);
        String leadId = api.as("acme", MANAGER, "POST", "/api/v1/leads")
                .json(Map.of(
                        "firstName", "Ana",
                        "lastName", surname,
                        "company", "Cordillera Foods",
                        "country", "CL",
                        "source", "event"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        awaitTheManagersQueueTask();

        Journeys.signIn(page, "acme", MANAGER);
        Locator todos = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("My to-dos"));
        todos.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(TASK))
                .click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile("/leads/unassigned$"));
        String name = "Ana " + surname;
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)))
                .hasAttribute("href", "/leads/" + leadId);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign " + name))
                .click();

        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.COMBOBOX).first().pressSequentially("rita");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Rita Rep (East)"))
                .click();
        dialog.getByLabel("Reason").fill("Rita covers Latin America until we have a rule for it");
        Accessibility.of(page).assertNoSeriousViolations();
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Assign").setExact(true))
                .click();

        assertThat(dialog).hasCount(0);
        assertThat(row).hasCount(0);
        JsonNode lead = api.as("acme", MANAGER, "GET", "/api/v1/leads/" + leadId)
                .send()
                .expect(200)
                .json();
        assertThat(lead.get("ownerId").asText()).isEqualTo(NurturedLeads.userId(api, "rep@acme.test"));
        JsonNode assignment = api.as("acme", MANAGER, "GET", "/api/v1/leads/" + leadId + "/assignments")
                .send()
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(assignment.get("kind").asText()).isEqualTo("manual");
        assertThat(assignment.get("why").asText()).isEqualTo("Rita covers Latin America until we have a rule for it");
    }

    private void awaitTheManagersQueueTask() {
        await().atMost(DurableEventProbe.PATIENCE)
                .until(() -> api.as(
                                        "acme",
                                        MANAGER,
                                        "GET",
                                        "/api/v1/activities?type=task&status[in]=pending,overdue&page=/leads/unassigned")
                                .send()
                                .expect(200)
                                .json()
                                .get("items")
                                .size()
                        == 1);
    }
}
