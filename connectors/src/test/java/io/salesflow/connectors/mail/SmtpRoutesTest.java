package io.salesflow.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpRoutesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final SmtpProperties properties = new SmtpProperties(
            "direct:smtp-send",
            "smtp://workspace-server?javaMailSender=#workspaceMailSender",
            Duration.ofSeconds(5),
            4,
            4,
            50f,
            Duration.ofSeconds(60));
    private DefaultCamelContext camel;
    private MailRelay relay;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SmtpRoutes(properties, new MimeMessages()));
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();
        relay = new MailRelay(producer, properties);
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private static OutgoingMail mail(String id) {
        return new OutgoingMail(
                "<" + id + "@acme.example>",
                "sales@acme.example",
                "Acme Sales",
                List.of("ada@analytical.example"),
                List.of(),
                "reply+abcdef0123456789@replies.acme.example",
                null,
                List.of(),
                "Grüße from Acme",
                "Hello Ada",
                "<p>Hello <b>Ada</b></p>",
                "https://crm.example/unsubscribe/tok");
    }

    @Test
    void theMessageArrivesWithItsStableIdReplyTokenUnsubscribeHeadersAndBothParts() throws Exception {
        SmtpServer server =
                new SmtpServer("127.0.0.1", greenMail.getSmtp().getPort(), SmtpServer.Security.NONE, null, null);

        assertThat(relay.send(server, mail("one"))).startsWith("250");

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<one@acme.example>");
        assertThat(received.getHeader("Reply-To", null)).isEqualTo("reply+abcdef0123456789@replies.acme.example");
        assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<https://crm.example/unsubscribe/tok>");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.getSubject()).isEqualTo("Grüße from Acme");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(server.toString()).doesNotContain("null");
    }

    @Test
    void theMessageGoesThroughCamelMailsSmtpEndpointWithTheLoginInNoUri() throws Exception {
        greenMail.setUser("sales@acme.example", "mailer", "s3cret-pass");
        SmtpServer server = new SmtpServer(
                "127.0.0.1", greenMail.getSmtp().getPort(), SmtpServer.Security.NONE, "mailer", "s3cret-pass");

        assertThat(relay.send(server, mail("auth"))).startsWith("250");

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(camel.getEndpoints())
                .anySatisfy(endpoint -> assertThat(endpoint).isInstanceOf(MailEndpoint.class))
                .allSatisfy(endpoint -> assertThat(endpoint.getEndpointUri())
                        .doesNotContain("s3cret-pass")
                        .doesNotContain("mailer")
                        .doesNotContain("127.0.0.1"));
    }

    @Test
    void aWrongPasswordIsRefusedByTheServerAndNothingIsDelivered() {
        greenMail.setUser("sales@acme.example", "mailer", "s3cret-pass");
        SmtpServer server =
                new SmtpServer("127.0.0.1", greenMail.getSmtp().getPort(), SmtpServer.Security.NONE, "mailer", "wrong");

        assertThatThrownBy(() -> relay.send(server, mail("wrong")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("did not take the message");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void attachmentsTravelAfterTheBodyUnderTheirOwnNames() throws Exception {
        SmtpServer server =
                new SmtpServer("127.0.0.1", greenMail.getSmtp().getPort(), SmtpServer.Security.NONE, null, null);
        OutgoingMail plain = mail("files");
        byte[] pdf = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);
        OutgoingMail withFile = new OutgoingMail(
                plain.messageId(),
                plain.fromAddress(),
                plain.fromName(),
                plain.to(),
                plain.cc(),
                plain.replyTo(),
                null,
                List.of(),
                plain.subject(),
                plain.text(),
                plain.html(),
                plain.unsubscribeUrl(),
                List.of(new MailAttachment("Vertrag Müller.pdf", "application/pdf", pdf)));

        relay.send(server, withFile);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<files@acme.example>");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType())
                .startsWith("multipart/alternative");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getContentType()).startsWith("application/pdf");
        assertThat(MimeUtility.decodeText(file.getFileName())).isEqualTo("Vertrag Müller.pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void theLoginNeverShowsInTheServersDescription() {
        SmtpServer server = new SmtpServer("smtp.example", 587, SmtpServer.Security.STARTTLS, "me", "s3cret-pass");
        assertThat(server.toString()).contains("me").doesNotContain("s3cret-pass");
    }

    @Test
    void aRecipientRefusedForGoodIsPermanentAndNeverOpensTheCircuit() throws Exception {
        try (ServerSocket refusing = new ServerSocket(0)) {
            Thread server = new Thread(() -> RefusingSmtpServer.serve(refusing));
            server.setDaemon(true);
            server.start();
            SmtpServer refuses =
                    new SmtpServer("127.0.0.1", refusing.getLocalPort(), SmtpServer.Security.NONE, null, null);
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> relay.send(refuses, mail("r" + System.nanoTime())))
                        .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.kind())
                                .isEqualTo(MailDeliveryException.Kind.PERMANENT))
                        .hasMessageContaining("550");
            }
        }
    }

    @Test
    void aServerThatKeepsFailingOpensTheCircuit() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmtpServer down = new SmtpServer("127.0.0.1", closed, SmtpServer.Security.NONE, null, null);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> relay.send(down, mail("x" + System.nanoTime())))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.kind())
                            .isEqualTo(MailDeliveryException.Kind.TRANSIENT));
        }
        assertThatThrownBy(() -> relay.send(down, mail("after")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.kind())
                        .isEqualTo(MailDeliveryException.Kind.CIRCUIT_OPEN));
    }
}
