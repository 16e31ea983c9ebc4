package io.salesflow.email;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.outbox.OutboxRelay;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Email out against a real SMTP peer (GreenMail): sender settings, sending to a lead through the outbox, the headers
 * that arrive, one-click unsubscribe and the suppression list, the send rate, a refused message becoming a task, and
 * what another workspace cannot see.
 */
@IntegrationTest
class EmailOutTest {

    private static final String ADMIN = "admin@acme.test";
    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @BeforeEach
    void senderOnGreenMail() {
        Mailboxes.useGreenMail(api, "acme", 1000);
    }

    private String lead(String tenant, String rep, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Ada", "lastName", "Lovelace", "source", "api"));
        body.put("company", "Analytical Engines");
        if (email != null) {
            body.put("email", email);
        }
        return api.as(tenant, rep, "POST", "/api/v1/leads")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String address() {
        return "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@analytical.example";
    }

    private JsonNode email(String tenant, String user, String id) {
        return api.as(tenant, user, "GET", "/api/v1/emails/" + id)
                .send()
                .expect(200)
                .json();
    }

    private JsonNode awaitStatus(String tenant, String user, String id, String status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> status.equals(email(tenant, user, id).get("status").asText()));
        return email(tenant, user, id);
    }

    @Test
    void senderSettingsAreForAdminsWithAWriteOnlyPasswordAndFieldErrors() {
        api.as("acme", REP, "GET", "/api/v1/settings/email").send().expect(403);
        api.as("acme", REP, "PUT", "/api/v1/settings/email")
                .json(Mailboxes.settings("acme", 10))
                .send()
                .expect(403);

        Map<String, Object> bad = Mailboxes.settings("acme", 10);
        bad.put("smtpPort", 70000);
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "smtpPort");
        bad = Mailboxes.settings("acme", 10);
        bad.put("smtpHost", "smtp host!");
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "smtpHost");
        bad = Mailboxes.settings("acme", 10);
        bad.put("smtpSecurity", "tls");
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "smtpSecurity");
        bad = Mailboxes.settings("acme", 10);
        bad.put("fromAddress", "sales at acme");
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "fromAddress");
        bad = Mailboxes.settings("acme", 0);
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "ratePerMinute");
        bad = Mailboxes.settings("acme", 10);
        bad.put("smtpPasswort", "typo");
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "smtpPasswort");
        bad = Mailboxes.settings("acme", 10);
        bad.put("fromName", "Sales\r\nBcc: everyone@example.com");
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/settings/email").json(bad).send(), "fromName");

        Map<String, Object> withLogin = Mailboxes.settings("acme", 1000);
        withLogin.put("smtpUsername", "sales@acme.test");
        withLogin.put("smtpPassword", "Very-Secret-42");
        Api.Response saved = api.as("acme", ADMIN, "PUT", "/api/v1/settings/email")
                .json(withLogin)
                .send()
                .expect(200);
        assertThat(saved.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(saved.body()).doesNotContain("Very-Secret-42");
        Api.Response read =
                api.as("acme", ADMIN, "GET", "/api/v1/settings/email").send().expect(200);
        assertThat(read.body()).doesNotContain("Very-Secret-42");
        assertThat(read.json().get("passwordSet").asBoolean()).isTrue();
        byte[] stored = inTenant.call(
                "acme", () -> jdbc.queryForObject("SELECT smtp_password FROM email_settings", byte[].class));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Very-Secret-42");

        withLogin.remove("smtpPassword");
        JsonNode kept = api.as("acme", ADMIN, "PUT", "/api/v1/settings/email")
                .header("If-Match", read.header("ETag").orElseThrow())
                .json(withLogin)
                .send()
                .expect(200)
                .json();
        assertThat(kept.get("passwordSet").asBoolean()).isTrue();
        api.as("acme", ADMIN, "PUT", "/api/v1/settings/email")
                .header("If-Match", read.header("ETag").orElseThrow())
                .json(withLogin)
                .send()
                .expect(412);
    }

    @Test
    void aRepSendsAnEmailToALeadAndItArrivesWithItsIdReplyTokenAndUnsubscribeHeaders() throws Exception {
        String to = address();
        String lead = lead("acme", REP, to);
        Map<String, Object> send = Map.of(
                "recordType", "lead",
                "recordId", lead,
                "subject", "Your demo, Ada",
                "text", "Hello Ada",
                "html", "<p>Hello <b>Ada</b></p>");
        String key = UUID.randomUUID().toString();
        Api.Response first = api.as("acme", REP, "POST", "/api/v1/emails")
                .header("Idempotency-Key", key)
                .json(send)
                .send()
                .expect(201);
        Api.Response again = api.as("acme", REP, "POST", "/api/v1/emails")
                .header("Idempotency-Key", key)
                .json(send)
                .send()
                .expect(201);
        String id = first.json().get("id").asText();
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        String messageId = first.json().get("messageId").asText();
        assertThat(messageId).matches("<[0-9a-f-]{36}@acme\\.test>");
        assertThat(first.json().get("status").asText()).isEqualTo("queued");
        assertThat(first.json().get("to").get(0).asText()).isEqualTo(to);

        JsonNode sent = awaitStatus("acme", REP, id, "sent");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("sentAt").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        MimeMessage received = Mailboxes.withMessageId(messageId).get(0);
        assertThat(received.getHeader("Reply-To", null)).matches("reply\\+[a-z0-9]{26}@replies\\.acme\\.test");
        assertThat(received.getHeader("List-Unsubscribe", null))
                .matches("<http://localhost:\\d+/unsubscribe/[A-Za-z0-9_-]+>");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.getFrom()[0].toString()).contains("sales@acme.test");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Hello Ada");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<b>Ada</b>");
        assertThat(Mailboxes.withMessageId(messageId)).hasSize(1);

        JsonNode list = api.as("acme", REP, "GET", "/api/v1/emails?recordType=lead&recordId=" + lead)
                .send()
                .expect(200)
                .json();
        assertThat(list.get("items").findValuesAsText("id")).containsExactly(id);
        JsonNode timeline = api.as("acme", "manager@acme.test", "GET", "/api/v1/leads/" + lead + "/timeline")
                .send()
                .expect(200)
                .json();
        assertThat(timeline.get("items").findValuesAsText("kind")).contains("email");

        // Another workspace sees none of it.
        api.as("globex", "admin@globex.test", "GET", "/api/v1/emails/" + id)
                .send()
                .expect(404);
        api.as("globex", "admin@globex.test", "GET", "/api/v1/emails?recordType=lead&recordId=" + lead)
                .send()
                .expect(404);
    }

    @Test
    void oneClickUnsubscribeSuppressesTheAddressForEverySend() throws Exception {
        String to = address();
        String lead = lead("acme", REP, to);
        JsonNode queued = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead, "subject", "News", "text", "Hi"))
                .send()
                .expect(201)
                .json();
        awaitStatus("acme", REP, queued.get("id").asText(), "sent");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !Mailboxes.withMessageId(queued.get("messageId").asText())
                        .isEmpty());
        String header =
                Mailboxes.withMessageId(queued.get("messageId").asText()).get(0).getHeader("List-Unsubscribe", null);
        String path = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);

        Api.Response page = api.call("GET", path).send().expect(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(api.call("GET", path + "x").send().status()).isEqualTo(404);
        Api.Response forged = api.call("POST", path.substring(0, path.length() - 4) + "AAAA")
                .body("List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
                .send();
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        api.call("POST", path)
                .body("List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
                .send()
                .expect(200);
        api.call("POST", path)
                .body("List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
                .send()
                .expect(200);

        Api.Response refused = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead, "subject", "More news", "text", "Hi again"))
                .send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).endsWith("email-suppressed");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("to");

        JsonNode listed = api.as("acme", ADMIN, "GET", "/api/v1/email-suppressions?address=" + to)
                .send()
                .expect(200)
                .json();
        assertThat(listed.get("items").get(0).get("reason").asText()).isEqualTo("unsubscribed");
        api.as("acme", REP, "GET", "/api/v1/email-suppressions").send().expect(403);

        // The channel honours the list too: an address suppressed after the email was queued gets nothing.
        api.as("acme", ADMIN, "DELETE", "/api/v1/email-suppressions/" + to)
                .send()
                .expect(204);
        relay.stop();
        String heldId;
        try {
            heldId = api.as("acme", REP, "POST", "/api/v1/emails")
                    .json(Map.of("recordType", "lead", "recordId", lead, "subject", "Held", "text", "Held back"))
                    .send()
                    .expect(201)
                    .json()
                    .get("id")
                    .asText();
            api.as("acme", ADMIN, "POST", "/api/v1/email-suppressions")
                    .json(Map.of("address", to.toUpperCase(), "note", "asked by phone"))
                    .send()
                    .expect(201);
        } finally {
            relay.start();
        }
        relay.relayDue();
        JsonNode held = awaitStatus("acme", REP, heldId, "suppressed");
        assertThat(Mailboxes.withMessageId(held.get("messageId").asText())).isEmpty();
        assertField(
                api.as("acme", ADMIN, "POST", "/api/v1/email-suppressions")
                        .json(Map.of("address", "not an address"))
                        .send(),
                "address");
    }

    @Test
    void badSendsAreRefusedFieldByField() {
        String lead = lead("acme", REP, address());
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordId", lead, "subject", "s", "text", "t"))
                        .send(),
                "recordType");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "deal", "recordId", lead, "subject", "s", "text", "t"))
                        .send(),
                "recordType");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", "nope", "subject", "s", "text", "t"))
                        .send(),
                "recordId");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", lead, "subject", "s"))
                        .send(),
                "text");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", lead, "text", "t"))
                        .send(),
                "subject");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", lead, "subject", "a\nBcc: x@y.z", "text", "t"))
                        .send(),
                "subject");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", lead, "subject", "s", "text", "t", "to", "x@"))
                        .send(),
                "to");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of(
                                "recordType",
                                "lead",
                                "recordId",
                                lead,
                                "templateId",
                                UUID.randomUUID().toString(),
                                "subject",
                                "s"))
                        .send(),
                "subject");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", lead, "subject", "s", "text", "t", "bcc", "x"))
                        .send(),
                "bcc");
        api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of(
                        "recordType", "lead", "recordId", UUID.randomUUID().toString(), "subject", "s", "text", "t"))
                .send()
                .expect(404);
        Api.Response noAddress = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead("acme", REP, null), "subject", "s", "text", "t"))
                .send();
        assertThat(noAddress.status()).isEqualTo(422);
        assertThat(noAddress.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
        api.as("acme", REP, "GET", "/api/v1/emails?recordType=lead&recordId=nope")
                .send()
                .expect(400);
        api.as("acme", REP, "GET", "/api/v1/emails/" + UUID.randomUUID()).send().expect(404);
        api.as("acme", "auditor@acme.test", "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead, "subject", "s", "text", "t"))
                .send()
                .expect(403);
    }

    @Test
    void theSendRateHoldsEmailsBackWithoutUsingAttempts() {
        Mailboxes.useGreenMail(api, "globex", 1);
        String lead = lead("globex", "rep@globex.test", address());
        relay.stop();
        String first;
        String second;
        try {
            first = sendTo("globex", lead, "First");
            second = sendTo("globex", lead, "Second");
        } finally {
            relay.start();
        }
        relay.relayDue();
        awaitStatus("globex", "rep@globex.test", first, "sent");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outboxRow("globex", second))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 0)
                .hasEntrySatisfying("last_error", e -> assertThat((String) e).contains("send rate of 1")));
        assertThat(email("globex", "rep@globex.test", second).get("status").asText())
                .isEqualTo("queued");

        Mailboxes.useGreenMail(api, "globex", 1000);
        inTenant.run(
                "globex",
                () -> jdbc.update(
                        "UPDATE outbox_messages SET next_attempt_at = now() WHERE subject_id = ?",
                        UUID.fromString(second)));
        relay.relayDue();
        awaitStatus("globex", "rep@globex.test", second, "sent");
    }

    @Test
    void aMessageTheServerRefusesForGoodFailsAndBecomesATaskOnTheLead() throws Exception {
        try (ServerSocket refusing = new ServerSocket(0)) {
            Thread server = new Thread(() -> refuseRecipients(refusing));
            server.setDaemon(true);
            server.start();
            Map<String, Object> settings = Mailboxes.settings("globex", 1000);
            settings.put("smtpPort", refusing.getLocalPort());
            settings.put("smtpHost", "127.0.0.1");
            api.as("globex", "admin@globex.test", "PUT", "/api/v1/settings/email")
                    .json(settings)
                    .send()
                    .expect(200);
            try {
                String lead = lead("globex", "rep@globex.test", address());
                String id = sendTo("globex", lead, "Refused");
                JsonNode failed = awaitStatus("globex", "rep@globex.test", id, "failed");
                assertThat(failed.get("lastError").asText()).contains("550");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> inTenant.call(
                                        "globex",
                                        () -> jdbc.queryForObject(
                                                "SELECT count(*) FROM activities WHERE lead_id = ? AND type = 'task'"
                                                        + " AND priority = 'high' AND subject LIKE 'Email not delivered%'",
                                                Integer.class, UUID.fromString(lead)))
                                == 1);
            } finally {
                Mailboxes.useGreenMail(api, "globex", 1000);
            }
        }
    }

    private String sendTo(String tenant, String lead, String subject) {
        return api.as(tenant, "rep@" + tenant + ".test", "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead, "subject", subject, "text", "Hello"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private Map<String, Object> outboxRow(String tenant, String emailId) {
        return inTenant.call(
                tenant,
                () -> jdbc.queryForMap(
                        "SELECT status, attempts, last_error FROM outbox_messages WHERE subject_id = ?",
                        UUID.fromString(emailId)));
    }

    /** A mail server that takes the envelope's sender and refuses every recipient for good. */
    private static void refuseRecipients(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                out.write("220 refusing.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                    String reply =
                            switch (command) {
                                case "EHLO", "HELO" -> "250 refusing.test";
                                case "MAIL" -> "250 OK";
                                case "RCPT" -> "550 5.1.1 No such mailbox";
                                case "QUIT" -> "221 Bye";
                                default -> "250 OK";
                            };
                    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (command.equals("QUIT")) {
                        break;
                    }
                }
            } catch (Exception e) {
                // the test ended
            }
        }
    }
}
