package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.hooks.VendorSignatures;
import io.salesflow.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin gives the website's form tool an address: creates a Standard Webhooks endpoint mapping the form's fields to
 * a lead, copies the secret shown once, and after the form tool's first call sees the lead it created in the event
 * log.
 */
@BrowserJourney
class ConnectingAFormWebhookJourneyTest {

    @Autowired
    Api api;

    @Test
    void anAdminConnectsAFormToolAndSeesTheLeadItsFirstCallCreated(Page page) {
        String slug = "forms-" + UUID.randomUUID().toString().substring(0, 8);
        Journeys.signIn(page, "acme", "admin@acme.test");
        page.navigate("/admin");
        page.getByRole(AriaRole.MAIN)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inbound webhooks"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New inbound webhook"))
                .click();
        Locator form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New inbound webhook"));
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(false))
                .first()
                .fill("Website forms");
        form.getByLabel("Address name", new Locator.GetByLabelOptions().setExact(false))
                .fill(slug);
        form.getByLabel("Pointer 1").fill("/name");
        form.getByLabel("Pointer 2").fill("/mail");
        Accessibility.of(page).assertNoSeriousViolations();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create endpoint"))
                .click();

        Locator shown = page.getByRole(
                AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Inbound webhook Website forms created"));
        assertThat(shown.getByLabel("Address to call")).hasValue(api.base() + "/hooks/acme/" + slug);
        String secret = shown.getByLabel("Signing secret").inputValue();
        shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have stored it"))
                .click();

        String body = "{\"name\":\"Formsworth\",\"mail\":\"formsworth@example.org\"}";
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        api.post("/hooks/acme/" + slug)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(now))
                .header(
                        "webhook-signature",
                        VendorSignatures.standard(secret, id, now, body.getBytes(StandardCharsets.UTF_8)))
                .body(body, "application/json")
                .send()
                .expect(200);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Events Website forms"))
                .first()
                .click();
        Locator log = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Events of Website forms"));
        assertThat(log.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(id)))
                .isVisible();
        // The worker maps the event after the answer; the log refreshes while an event waits for it.
        log.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lead created"))
                .first()
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Formsworth");
    }
}
