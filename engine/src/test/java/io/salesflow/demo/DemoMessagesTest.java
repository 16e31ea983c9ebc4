package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rita's demo leads have a history of emails and texts: sent, opened, clicked and answered; ops have templates. */
@IntegrationTest
class DemoMessagesTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoData demoData;

    @Test
    void ritasLeadsShowConversationsAndOpsHaveTemplatesToSend() {
        JsonNode templates = api.as("acme", "admin@acme.test", "GET", "/api/v1/email-templates?limit=200")
                .send()
                .expect(200)
                .json();
        assertThat(templates.get("items").findValuesAsText("name"))
                .contains("Introduction", "Follow-up after the demo", "Meeting recap");

        UUID answered = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT record_id FROM emails WHERE direction = 'inbound' AND record_type = 'lead'"
                                + " AND message_id LIKE '%@mail.example>' ORDER BY record_id LIMIT 1",
                        UUID.class));
        JsonNode emails = api.as("acme", "rep@acme.test", "GET", "/api/v1/emails?recordType=lead&recordId=" + answered)
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(emails.findValuesAsText("direction")).contains("outbound", "inbound");
        JsonNode sent = emails.findParents("direction").stream()
                .filter(e -> e.get("direction").asText().equals("outbound"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.get("status").asText()).isEqualTo("sent");
        assertThat(sent.get("tracking").get("opens").asInt()).isPositive();
        JsonNode reply = emails.findParents("direction").stream()
                .filter(e -> e.get("direction").asText().equals("inbound"))
                .findFirst()
                .orElseThrow();
        assertThat(reply.get("inReplyTo").asText())
                .isEqualTo(sent.get("messageId").asText());
        JsonNode timeline = api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + answered + "/timeline")
                .send()
                .expect(200)
                .json();
        assertThat(timeline.get("items").findValuesAsText("kind")).contains("email");

        int texts =
                inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM text_messages", Integer.class));
        assertThat(texts).isGreaterThanOrEqualTo(2);

        int emailsBefore =
                inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM emails", Integer.class));
        demoData.load(Api.DEMO_PASSWORD);
        assertThat(inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM emails", Integer.class)))
                .as("loading again adds nothing")
                .isEqualTo(emailsBefore);
    }
}
