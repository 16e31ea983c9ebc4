package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A rep signs in from the start page; a mistyped password is answered in words, and they can try again. */
@BrowserJourney
class SignInJourneyTest {

    @Test
    void aWrongPasswordIsAnsweredWithAReadableMessageOnTheSignInPage(Page page) {
        Journeys.submitSignIn(page, "acme", "rep@acme.test", "not-the-password");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Workspace, email or password is not correct");
        assertThat(Journeys.signInButton(page)).isEnabled();
        assertThat(page.getByLabel(Pattern.compile("^Password\\b"))).isEmpty();
    }

    @Test
    void aRepSigningInReachesTheHomePage(Page page) {
        Journeys.signIn(page, "acme", "rep@acme.test");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Rita Rep");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
                .isVisible();
    }
}
