package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep finds a lead by a misspelled name in the header search, edits a field in place and sees it on the timeline. */
@BrowserJourney
class FindingALeadByAMisspelledNameJourneyTest {

    @Autowired
    Api api;

    @Test
    void aRepFindsALeadByAMisspelledNameEditsItsJobTitleAndSeesTheChangeOnItsTimeline(Page page) {
        api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of(
                        "firstName", "Bartholomew",
                        "lastName", "Quackenbush",
                        "company", "Quackenbush Mills",
                        "title", "Buyer",
                        "email", "bartholomew@quackenbush-mills.test",
                        "source", "web_form"))
                .send()
                .expect(201);
        Journeys.signIn(page, "acme", "rep@acme.test");

        Locator search = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Search"));
        assertThat(search).isVisible();
        page.keyboard().press("Control+k");
        assertThat(search).isFocused();
        search.pressSequentially("Bartolomew Quakenbush");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Lead: Bartholomew Quackenbush"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Bartholomew Quackenbush");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Job title"))
                .click();
        Locator jobTitle = page.getByLabel("Job title");
        jobTitle.fill("Head of Purchasing");
        jobTitle.press("Enter");

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Job title")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Timeline")))
                .containsText("Head of Purchasing");
        Accessibility.of(page).assertNoSeriousViolations();
    }
}
