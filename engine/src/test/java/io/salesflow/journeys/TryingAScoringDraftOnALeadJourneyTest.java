package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin raises the points of a scoring rule in a new draft, tries it on a lead, sees the new score and why, and
 * activates it. In a workspace of its own: activating rescores every lead, which no other test should meet.
 */
@BrowserJourney
class TryingAScoringDraftOnALeadJourneyTest {

    @Autowired
    Api api;

    @Autowired
    Tenants tenants;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    @Test
    void anAdminRaisesARulesPointsTriesThemOnALeadAndActivatesThem(Page page) {
        String slug = "sj" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin@" + slug + ".test";
        tenants.provision(slug, "Scoring journey " + slug);
        inTenant.run(slug, () -> users.ensure(admin, "Ada Admin", Api.DEMO_PASSWORD, List.of("org_admin")));
        api.as(slug, admin, "POST", "/api/v1/leads")
                .json(Map.of(
                        "firstName", "Petra",
                        "lastName", "Pelham",
                        "company", "Pelham Gears",
                        "email", "petra@pelham-gears.test",
                        "source", "referral",
                        "country", "DE"))
                .send()
                .expect(201);

        Journeys.signIn(page, slug, admin);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Admin"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scoring rules"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New draft from v1"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("v2 · Default rules (copy) draft")))
                .isVisible();

        page.getByLabel("Points of Referral source").fill("40");
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Lead to try the rules on"))
                .fill("Pelham");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Petra Pelham"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try on this lead"))
                .click();

        Locator result = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Preview result"));
        assertThat(result).containsText("+25");
        Locator fired = result.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Rules that fired"));
        assertThat(fired.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Referral source")))
                .containsText("+40");
        Accessibility.of(page).assertNoSeriousViolations();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")))
                .isDisabled();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate v2"))
                .click();
        Locator dialog =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Activate these scoring rules?"));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activate"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roll back v2")))
                .isVisible();
    }
}
