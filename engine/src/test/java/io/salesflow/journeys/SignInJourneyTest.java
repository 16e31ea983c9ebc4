package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
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

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The workspace, email or password is not right");
        assertThat(Journeys.signInButton(page)).isEnabled();
        assertThat(page.getByLabel(Pattern.compile("^Password\\b"))).isEmpty();
    }

    @Test
    void aRepSigningInReachesTheDashboard(Page page) {
        Journeys.signIn(page, "acme", "rep@acme.test");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Hello, Rita");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account of Rita Rep")))
                .isVisible();
    }

    @Test
    void aSecondTabAndAReloadStaySignedInAndSigningOutEndsBoth(Page page, BrowserContext context) {
        Journeys.signIn(page, "acme", "rep@acme.test");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Hello, Rita");

        Page second = context.newPage();
        second.navigate("/tasks");
        assertThat(second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Tasks");
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Hello, Rita");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account of Rita Rep"))
                .click();
        page.getByRole(
                        AriaRole.MENUITEM,
                        new Page.GetByRoleOptions().setName("Sign out").setExact(true))
                .click();
        assertThat(Journeys.signInButton(page)).isVisible();
        second.reload();
        assertThat(Journeys.signInButton(second)).isVisible();
    }
}
