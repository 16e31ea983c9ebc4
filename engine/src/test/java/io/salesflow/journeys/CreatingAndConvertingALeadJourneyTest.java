package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A rep creates a lead from the lead list, qualifies it on its page and converts it into an account, a contact and
 * a deal, then opens the deal.
 */
@BrowserJourney
class CreatingAndConvertingALeadJourneyTest {

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void setStatus(Page page, String status) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Status"))
                .click();
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption(status);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Status")))
                .isVisible();
    }

    @Test
    void aRepCreatesALeadQualifiesItAndConvertsItWithADeal(Page page) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String company = "Ptarmigan Optics " + suffix;
        Journeys.signIn(page, "acme", "rep@acme.test");
        page.navigate("/leads");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New lead"))
                .click();
        Locator create = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New lead"));
        button(create, "Create lead").click();
        assertThat(create.getByText("Required.")).isVisible();
        Accessibility.of(page).assertNoSeriousViolations();
        create.getByLabel("First name").fill("Petra");
        create.getByLabel("Last name").fill("Quill");
        create.getByLabel("Company").fill(company);
        create.getByLabel(Pattern.compile("^Source")).selectOption("referral");
        button(create, "Create lead").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Petra Quill · " + company);
        assertThat(button(page.getByRole(AriaRole.MAIN), "Convert")).isDisabled();
        setStatus(page, "contacted");
        setStatus(page, "qualified");

        button(page.getByRole(AriaRole.MAIN), "Convert").click();
        Locator convert = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Convert the lead"));
        assertThat(convert.getByLabel(Pattern.compile("^Account name"))).hasValue(company);
        convert.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Also create a deal"))
                .check();
        convert.getByLabel(Pattern.compile("^Amount")).fill("8400");
        convert.getByLabel(Pattern.compile("^Currency")).fill("EUR");
        Accessibility.of(page).assertNoSeriousViolations();
        button(convert, "Convert").click();

        assertThat(convert.getByText("Lead converted")).isVisible();
        convert.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the deal"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(company);
        assertThat(page).hasURL(Pattern.compile("/deals/[0-9a-f-]{36}$"));
    }
}
