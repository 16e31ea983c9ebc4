package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep saves a filtered lead list as a view for her team; a teammate in another browser opens it. */
@BrowserJourney
class SharingASavedViewJourneyTest {

    @Autowired
    Api api;

    @Test
    void ritaSharesHotLeadsWithHerTeamAndRonOpensThemElsewhere(Page page) {
        String name = "Hot ones " + UUID.randomUUID().toString().substring(0, 6);
        Journeys.signIn(page, "acme", "rep@acme.test");
        page.navigate("/leads?band=hot");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Saved views"))
                .click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Save the current view…"))
                .click();
        Locator form = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Save the view"));
        form.getByLabel("Name of the view").fill(name);
        form.getByLabel("Shared with").selectOption("team");
        // The check waits until the menu's closing animation is over: it scans what a person sees.
        assertThat(page.getByRole(AriaRole.MENU)).hasCount(0);
        Accessibility.of(page).assertNoSeriousViolations();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View: " + name)))
                .isVisible();

        try (BrowserContext other =
                page.context().browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base()))) {
            Page ron = other.newPage();
            Journeys.signIn(ron, "acme", "rep2@acme.test");
            ron.navigate("/leads");
            ron.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Saved views"))
                    .click();
            ron.getByRole(
                            AriaRole.MENUITEM,
                            new Page.GetByRoleOptions().setName(Pattern.compile(name + " · by Rita Rep")))
                    .click();
            assertThat(ron).hasURL(Pattern.compile("/leads\\?band=hot$"));
            assertThat(ron.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View: " + name)))
                    .isVisible();
        }
    }
}
