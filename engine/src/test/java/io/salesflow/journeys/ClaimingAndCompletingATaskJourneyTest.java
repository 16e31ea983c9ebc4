package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep claims a lead-nurture task open to their group, fills in its form and completes it. */
@BrowserJourney
class ClaimingAndCompletingATaskJourneyTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Test
    void aRepClaimsATouchTaskFromTheirGroupsCompletesItsFormAndTheTaskLeavesTheList(Page page) {
        String taskId = touchTaskOpenToTheRepsGroup("Ottokar");
        String name = "Call Ottokar Warm";
        Journeys.signIn(page, "acme", REP);

        page.navigate("/tasks?view=groups");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim " + name))
                .click();
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Whose tasks"))
                .getByText("Mine", new Locator.GetByTextOptions().setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(name);
        Locator form = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Form"));
        // form-js draws its own select over a hidden input that takes the focus and opens the options.
        form.getByLabel("Outcome").focus();
        form.getByText("No answer", new Locator.GetByTextOptions().setExact(true))
                .click();
        form.getByLabel("Note").fill("Left a voicemail");
        Accessibility.of(page).assertNoSeriousViolations();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete task"))
                .click();

        assertThat(page).hasURL(api.base() + "/tasks");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Tasks");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)))
                .hasCount(0);
        api.as("acme", REP, "GET", "/api/v1/tasks/" + taskId).send().expect(404);
    }

    /** A warm lead owned by the rep: nurture gives them a touch task, which they give back to their group. */
    private String touchTaskOpenToTheRepsGroup(String firstName) {
        String leadId = NurturedLeads.warmLeadOwnedBy(api, REP, firstName);
        String taskId = NurturedLeads.touchTask(api, REP, leadId);
        api.as("acme", REP, "POST", "/api/v1/tasks/" + taskId + "/unclaim")
                .send()
                .expect(200);
        return taskId;
    }
}
