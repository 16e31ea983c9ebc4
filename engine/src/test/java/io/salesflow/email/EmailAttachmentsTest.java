package io.salesflow.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files sent with a process's email (an invoice, a signed contract): they arrive at the SMTP peer after the body,
 * under their names, byte for byte; the email's record lists them; bad files are refused before anything is stored.
 */
@IntegrationTest
class EmailAttachmentsTest {

    private static final String ADMIN = "admin@acme.test";
    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    Emails emails;

    @Autowired
    JdbcTemplate jdbc;

    private UUID lead;
    private UUID template;

    @BeforeEach
    void leadAndTemplate() {
        Mailboxes.useGreenMail(api, "acme", 1000);
        String address = "files-" + UUID.randomUUID().toString().substring(0, 8) + "@analytical.example";
        lead = UUID.fromString(api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("firstName", "Ada", "lastName", "Files", "email", address, "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText());
        template = UUID.fromString(api.as("acme", ADMIN, "POST", "/api/v1/email-templates")
                .json(Map.of(
                        "name", "Invoice " + UUID.randomUUID(),
                        "subject", "Your invoice, {{record.firstName}}",
                        "text", "Please find your invoice attached."))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText());
    }

    @Test
    void aProcessEmailCarriesItsFilesToTheServerAndItsRecordListsThem() throws Exception {
        byte[] pdf = "%PDF-1.7 invoice 1001".getBytes(StandardCharsets.US_ASCII);
        Emails.ProcessSend sent = inTenant.call(
                "acme",
                () -> emails.sendForProcess(
                        "lead",
                        lead,
                        template,
                        Map.of(),
                        List.of(new Emails.EmailAttachment("Rechnung 1001 – März.pdf", "application/pdf", pdf))));

        assertThat(sent.status()).isEqualTo("queued");
        JsonNode email = api.as("acme", REP, "GET", "/api/v1/emails/" + sent.emailId())
                .send()
                .expect(200)
                .json();
        assertThat(email.get("attachments")).hasSize(1);
        assertThat(email.get("attachments").get(0).get("filename").asText()).isEqualTo("Rechnung 1001 – März.pdf");
        assertThat(email.get("attachments").get(0).get("size").asInt()).isEqualTo(pdf.length);
        String messageId = email.get("messageId").asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        MimeMessage received = Mailboxes.withMessageId(messageId).get(0);
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getBodyPart(0).getContent().toString()).contains("Please find your invoice attached.");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(MimeUtility.decodeText(file.getFileName())).isEqualTo("Rechnung 1001 – März.pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void badFilesAreRefusedAndNothingIsQueued() {
        int before = emailsOf(lead);

        assertThatThrownBy(() -> new Emails.EmailAttachment("../../etc/passwd", "application/pdf", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a path");
        assertThatThrownBy(() -> new Emails.EmailAttachment("invoice.pdf", "pdf", new byte[] {1}))
                .hasMessageContaining("MIME type");
        assertThatThrownBy(() -> new Emails.EmailAttachment("invoice.pdf", "application/pdf", new byte[0]))
                .hasMessageContaining("empty");
        List<Emails.EmailAttachment> tooMany = new ArrayList<>(Collections.nCopies(
                Emails.MAX_FILES + 1, new Emails.EmailAttachment("page.pdf", "application/pdf", new byte[] {1})));
        assertThatThrownBy(() ->
                        inTenant.call("acme", () -> emails.sendForProcess("lead", lead, template, Map.of(), tooMany)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Emails.MAX_FILES + " files");
        List<Emails.EmailAttachment> tooBig =
                List.of(new Emails.EmailAttachment("scan.pdf", "application/pdf", new byte[Emails.MAX_FILE_BYTES + 1]));
        assertThatThrownBy(() ->
                        inTenant.call("acme", () -> emails.sendForProcess("lead", lead, template, Map.of(), tooBig)))
                .hasMessageContaining("10 MB");

        assertThat(emailsOf(lead)).isEqualTo(before);
    }

    private int emailsOf(UUID record) {
        return api.as("acme", REP, "GET", "/api/v1/emails?recordType=lead&recordId=" + record + "&limit=100")
                .send()
                .expect(200)
                .json()
                .get("items")
                .size();
    }
}
