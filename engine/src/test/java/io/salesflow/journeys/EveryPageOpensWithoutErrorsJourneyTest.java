package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page in the navigation opens against the real API without an uncaught error or a console error: the pages'
 * component tests use fake responses, and this is where a page meets the shapes the server really sends.
 */
@BrowserJourney
class EveryPageOpensWithoutErrorsJourneyTest {

    private static final Pattern LOADING = Pattern.compile("^Loading");

    @ParameterizedTest
    @ValueSource(strings = {"admin@acme.test", "ops@acme.test"})
    void everyNavigationPageOpensWithoutAnErrorInTheBrowser(String email, Page page) {
        Journeys.signIn(page, "acme", email);
        Locator navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(navigation.getByRole(AriaRole.LINK).first()).isVisible();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        page.onPageError(error -> errors.add("uncaught: " + error));
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add("console.error on " + page.url() + ": " + message.text());
            }
        });
        List<String> entries = navigation.getByRole(AriaRole.LINK).allInnerTexts();
        assertThat(entries).contains("Dashboard", "Tasks");
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            Locator link = navigation.getByRole(
                    AriaRole.LINK, new Locator.GetByRoleOptions().setName(entry).setExact(true));
            link.click();
            assertThat(link).hasAttribute("aria-current", "page");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .isVisible();
            assertThat(page.getByLabel(LOADING)).hasCount(0);
            Locator alerts = page.getByRole(AriaRole.MAIN).getByRole(AriaRole.ALERT);
            if (alerts.count() > 0) {
                problems.add(entry + " shows: " + alerts.allInnerTexts());
            }
        }

        problems.addAll(errors);
        assertThat(problems)
                .as("what went wrong on the pages " + email + " opened")
                .isEmpty();
    }
}
