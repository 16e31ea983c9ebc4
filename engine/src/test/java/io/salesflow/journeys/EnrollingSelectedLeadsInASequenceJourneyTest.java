package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep selects leads on the list and enrols them in a sequence at once; the one without an address is skipped. */
@BrowserJourney
class EnrollingSelectedLeadsInASequenceJourneyTest {

    private static final String ADMIN = "admin@acme.test";
    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Test
    void ritaEnrolsTheSelectedLeadsAndSeesWhoWasSkippedAndWhy(Page page) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String company = "Enrolco " + run;
        lead("Ada", company, "ada." + run + "@enrolco.example");
        lead("Bea", company, "bea." + run + "@enrolco.example");
        lead("Cyd", company, null);
        String sequence = sequence("Enrol journey " + run);

        Journeys.signIn(page, "acme", REP);
        page.navigate("/leads?company=" + company.replace(" ", "%20"));
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select all 3 loaded"))
                .check();
        Locator toolbar = page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Bulk actions"));
        toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enrol in sequence"))
                .click();

        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Enrol 3 in a sequence"));
        dialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(Pattern.compile("^Sequence")))
                .click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Enrol journey " + run))
                .click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enrol 3"))
                .click();

        assertThat(dialog.getByRole(AriaRole.STATUS)).containsText("Enrolled 2, skipped 1");
        Locator skipped = dialog.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Skipped"));
        assertThat(skipped).containsText("Cyd");
        assertThat(skipped).containsText("No email address");
        Accessibility.of(page).assertNoSeriousViolations();

        JsonNode enrolments = api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + sequence + "/enrolments")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(enrolments).hasSize(2);
    }

    private void lead(String firstName, String company, String email) {
        Map<String, Object> body =
                new HashMap<>(Map.of("firstName", firstName, "lastName", "Buyer", "company", company));
        body.put("source", "api");
        if (email != null) {
            body.put("email", email);
        }
        api.as("acme", REP, "POST", "/api/v1/leads").json(body).send().expect(201);
    }

    private String sequence(String name) {
        String rep = api.as("acme", REP, "GET", "/api/v1/me")
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText();
        String template = api.as("acme", ADMIN, "POST", "/api/v1/email-templates")
                .json(Map.of("name", name, "subject", "Hello {{record.firstName}}", "text", "Hello"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("senderId", rep);
        body.put("mailboxId", null);
        body.put("allowConcurrent", true);
        body.put("stopRules", Map.of("reply", true, "bounce", true, "unsubscribe", true, "meeting", true));
        body.put(
                "steps",
                List.of(Map.of(
                        "kind",
                        "email",
                        "waitFor",
                        "P1D",
                        "variants",
                        List.of(Map.of("emailTemplateId", template, "weight", 1)))));
        return api.as("acme", ADMIN, "POST", "/api/v1/sequences")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }
}
