package io.salesflow.email;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Emails follow merged leads to the survivor; an admin's test message checks the sender settings. */
@IntegrationTest
class EmailMergeAndTestMessageTest {

    @Autowired
    Api api;

    private String lead(String email) {
        return api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("firstName", "Mia", "lastName", "Merge", "email", email, "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    @Test
    void aMergedLeadsEmailsMoveToTheSurvivor() {
        Mailboxes.useGreenMail(api, "acme", 10_000);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String survivor = lead("mia-" + suffix + "@example.com");
        String merged = lead("mia.merge-" + suffix + "@example.com");
        String email = api.as("acme", "rep@acme.test", "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", merged, "subject", "Before the merge", "text", "Hi"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();

        JsonNode result = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads/merge")
                .json(Map.of("survivorId", survivor, "mergedIds", List.of(merged), "fields", Map.of()))
                .send()
                .expect(200)
                .json();
        assertThat(result.toString()).contains("\"emails\":1");
        JsonNode emails = api.as("acme", "rep@acme.test", "GET", "/api/v1/emails?recordType=lead&recordId=" + survivor)
                .send()
                .expect(200)
                .json();
        assertThat(emails.get("items").findValuesAsText("id")).containsExactly(email);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/emails/" + email)
                        .send()
                        .expect(200)
                        .json()
                        .get("recordId")
                        .asText())
                .isEqualTo(survivor);
    }

    @Test
    void anAdminSendsATestMessageFromTheSavedSettings() throws Exception {
        Mailboxes.useGreenMail(api, "acme", 10_000);
        String to = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode queued = api.as("acme", "admin@acme.test", "POST", "/api/v1/settings/email/test")
                .json(Map.of("to", to))
                .send()
                .expect(202)
                .json();
        assertThat(queued.get("recordId").isNull()).isTrue();
        String messageId = queued.get("messageId").asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        MimeMessage received = Mailboxes.withMessageId(messageId).get(0);
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(to);
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        assertThat(api.as(
                                "acme",
                                "admin@acme.test",
                                "GET",
                                "/api/v1/emails/" + queued.get("id").asText())
                        .send()
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isIn("queued", "sent");
        api.as(
                        "acme",
                        "rep@acme.test",
                        "GET",
                        "/api/v1/emails/" + queued.get("id").asText())
                .send()
                .expect(404);
        api.as("acme", "rep@acme.test", "POST", "/api/v1/settings/email/test")
                .json(Map.of("to", to))
                .send()
                .expect(403);
        assertField(
                api.as("acme", "admin@acme.test", "POST", "/api/v1/settings/email/test")
                        .json(Map.of("to", "nobody"))
                        .send(),
                "to");
    }
}
