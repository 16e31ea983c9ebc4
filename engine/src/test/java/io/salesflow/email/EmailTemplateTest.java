package io.salesflow.email;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Versioned templates: checked variables at save, escaping in the HTML part, preview for a record, sending. */
@IntegrationTest
class EmailTemplateTest {

    private static final String ADMIN = "admin@acme.test";
    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    private Map<String, Object> template(String name) {
        Map<String, Object> t = new HashMap<>();
        t.put("name", name);
        t.put("subject", "Hello {{record.firstName}}");
        t.put("html", "<p>Hi {{record.firstName}} from {{sender.name}}: {{vars.offer}}</p>");
        t.put("text", "Hi {{record.firstName}}: {{vars.offer}}");
        return t;
    }

    private Api.Response create(Map<String, Object> body) {
        return api.as("acme", ADMIN, "POST", "/api/v1/email-templates")
                .json(body)
                .send();
    }

    @Test
    void templatesAreCheckedWhenSavedAndVersionedWhenEdited() {
        String name = "Offer " + UUID.randomUUID();
        Api.Response created = create(template(name)).expect(201);
        JsonNode v1 = created.json();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("variables").findValuesAsText("")).isEmpty();
        assertThat(v1.get("variables").toString()).contains("record.firstName", "sender.name", "vars.offer");
        String id = v1.get("id").asText();

        Map<String, Object> bad = template("Bad " + UUID.randomUUID());
        bad.put("subject", "Hello {{record.shoeSize}}");
        assertField(create(bad), "subject");
        bad = template("Bad " + UUID.randomUUID());
        bad.put("html", "<p>{{{record.firstName}}}</p>");
        assertField(create(bad), "html");
        bad = template("Bad " + UUID.randomUUID());
        bad.put("text", "{{> footer}}");
        assertField(create(bad), "text");
        bad = template("Bad " + UUID.randomUUID());
        bad.put("text", "{{#record.firstName}} unclosed");
        assertField(create(bad), "text");
        bad = template("Bad " + UUID.randomUUID());
        bad.remove("subject");
        assertField(create(bad), "subject");
        assertThat(create(template(name)).status()).isEqualTo(409);
        api.as("acme", REP, "POST", "/api/v1/email-templates")
                .json(template("Rep " + UUID.randomUUID()))
                .send()
                .expect(403);
        assertThat(api.as("acme", REP, "GET", "/api/v1/email-templates?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("id"))
                .contains(id);

        Map<String, Object> edited = template(name);
        edited.put("subject", "Hello again {{record.firstName}}");
        JsonNode v2 = api.as("acme", ADMIN, "PUT", "/api/v1/email-templates/" + id)
                .header("If-Match", created.header("ETag").orElseThrow())
                .json(edited)
                .send()
                .expect(200)
                .json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        api.as("acme", ADMIN, "PUT", "/api/v1/email-templates/" + id)
                .header("If-Match", created.header("ETag").orElseThrow())
                .json(edited)
                .send()
                .expect(412);
        assertThat(api.as("acme", REP, "GET", "/api/v1/email-templates/" + id + "?version=1")
                        .send()
                        .expect(200)
                        .json()
                        .get("subject")
                        .asText())
                .isEqualTo("Hello {{record.firstName}}");
    }

    @Test
    void aPreviewRendersForARecordEscapingHtmlAndASendRecordsTheVersion() {
        Mailboxes.useGreenMail(api, "acme", 10_000);
        String to = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String lead = api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("firstName", "<Grace>", "lastName", "Hopper", "email", to, "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String id = create(template("Preview " + UUID.randomUUID()))
                .expect(201)
                .json()
                .get("id")
                .asText();

        Api.Response missing = api.as("acme", REP, "POST", "/api/v1/email-templates/" + id + "/preview")
                .json(Map.of("recordType", "lead", "recordId", lead))
                .send();
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("variables.offer");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/email-templates/" + id + "/preview")
                        .json(Map.of("recordType", "lead", "recordId", "x"))
                        .send(),
                "recordId");

        JsonNode preview = api.as("acme", REP, "POST", "/api/v1/email-templates/" + id + "/preview")
                .json(Map.of("recordType", "lead", "recordId", lead, "variables", Map.of("offer", "10% & more")))
                .send()
                .expect(200)
                .json();
        assertThat(preview.get("subject").asText()).isEqualTo("Hello <Grace>");
        assertThat(preview.get("text").asText()).isEqualTo("Hi <Grace>: 10% & more");
        assertThat(preview.get("html").asText())
                .contains("Hi &lt;Grace&gt; from")
                .contains("10% &amp; more");
        assertThat(preview.get("templateVersion").asInt()).isEqualTo(1);

        JsonNode sent = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of(
                        "recordType",
                        "lead",
                        "recordId",
                        lead,
                        "templateId",
                        id,
                        "variables",
                        Map.of("offer", "a free trial")))
                .send()
                .expect(201)
                .json();
        assertThat(sent.get("templateId").asText()).isEqualTo(id);
        assertThat(sent.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(sent.get("subject").asText()).isEqualTo("Hello <Grace>");
        String messageId = sent.get("messageId").asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
    }
}
