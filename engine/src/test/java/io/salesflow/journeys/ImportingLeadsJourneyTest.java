package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An admin imports a small CSV of leads from the leads list and follows it to the end. */
@BrowserJourney
class ImportingLeadsJourneyTest {

    private static final String CSV =
            """
            First name,Last name,Company,Email
            Ilse,Importowska,Pelican Paper,ilse@pelican-paper.test
            Ingo,Importowski,Pelican Paper,ingo@pelican-paper.test
            Imke,Importowska,Pelican Paper,imke@pelican-paper.test
            """;

    @Test
    void anAdminImportsThreeLeadsFromACsvAndSeesThemImported(Page page) {
        Journeys.signIn(page, "acme", "admin@acme.test");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Leads"))
                .click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Import").setExact(true))
                .click();

        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import leads"));
        FileChooser chooser =
                page.waitForFileChooser(() -> dialog.getByLabel("File").click());
        chooser.setFiles(new FilePayload("pelican-leads.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)));
        assertThat(dialog.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Column mapping")))
                .isVisible();
        Accessibility.of(page).assertNoSeriousViolations();
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Import").setExact(true))
                .click();

        assertThat(dialog.getByRole(AriaRole.PROGRESSBAR, new Locator.GetByRoleOptions().setName("Import progress")))
                .hasAttribute("aria-valuenow", "100");
        assertThat(dialog.getByRole(AriaRole.STATUS)).containsText("3 of 3 rows · 3 imported");
        Accessibility.of(page).assertNoSeriousViolations();
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Close").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ilse Importowska")))
                .isVisible();
    }
}
