package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import org.junit.jupiter.api.Test;

/** axe-core finds nothing serious or critical on the pages every user sees. */
@BrowserJourney
class AccessibilityJourneyTest {

    @Test
    void theSignInPageHasNoSeriousAccessibilityViolation(Page page) {
        page.navigate("/");
        assertThat(Journeys.signInButton(page)).isVisible();

        Accessibility.of(page).assertNoSeriousViolations();
    }

    @Test
    void theHomePageHasNoSeriousAccessibilityViolation(Page page) {
        Journeys.signIn(page, "acme", "rep@acme.test");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Hello, Rita");

        Accessibility.of(page).assertNoSeriousViolations();
    }
}
