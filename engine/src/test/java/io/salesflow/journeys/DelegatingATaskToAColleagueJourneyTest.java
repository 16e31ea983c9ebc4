package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep, who may not read the user directory, sees which lead their task is about and delegates it to a colleague
 * found by typing the start of his name.
 */
@BrowserJourney
class DelegatingATaskToAColleagueJourneyTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Test
    void aRepDelegatesATouchTaskToRonThroughThePicker(Page page) {
        String leadId = NurturedLeads.warmLeadOwnedBy(api, REP, "Odalys");
        String taskId = NurturedLeads.touchTask(api, REP, leadId);
        String name = "Call Odalys Warm";
        Journeys.signIn(page, "acme", REP);

        page.navigate("/tasks");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        Locator about = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Odalys Warm · Initech"));
        assertThat(about).hasAttribute("href", "/leads/" + leadId);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delegate " + name))
                .click();

        Locator dialog = page.getByRole(AriaRole.DIALOG);
        Locator picker = dialog.getByLabel("Delegate to");
        picker.pressSequentially("ron");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ron Rep (East)"))
                .click();
        Accessibility.of(page).assertNoSeriousViolations();
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Delegate").setExact(true))
                .click();

        assertThat(dialog).hasCount(0);
        assertThat(row.getByText("Delegated by you")).isVisible();
        JsonNode task = api.as("acme", REP, "GET", "/api/v1/tasks/" + taskId)
                .send()
                .expect(200)
                .json();
        assertThat(task.get("assignee").asText()).isEqualTo(userId("rep2@acme.test"));
        assertThat(task.get("owner").asText()).isEqualTo(userId(REP));
        assertThat(task.get("delegation").asText()).isEqualTo("pending");
    }

    private String userId(String email) {
        return NurturedLeads.userId(api, email);
    }
}
