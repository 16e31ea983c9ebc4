package io.salesflow.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.salesflow.connectors.imap.MailboxPort;
import io.salesflow.engagement.ReplyReceived;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Email in against real peers: an email sent through GreenMail's SMTP is answered into a GreenMail IMAP mailbox, read
 * by the poller, threaded back to the email (by In-Reply-To, and by the reply token alone), and raises
 * ReplyReceived; an out-of-office answer is not a reply; a DSN bounce marks the email bounced and suppresses the
 * address.
 */
@IntegrationTest
class EmailRepliesTest {

    @RegisterExtension
    static final GreenMailExtension imap =
            new GreenMailExtension(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort()});

    private static final String REP = "rep@acme.test";
    private static final String ADMIN = "admin@acme.test";

    @Autowired
    Api api;

    @Autowired
    MailboxPort port;

    @Autowired
    PublishedEvents published;

    private GreenMailUser inbox;
    private RepliesMailbox mailbox;

    @BeforeEach
    void senderAndRepliesMailbox() {
        mailbox = RepliesMailbox.create(imap, api, port, "acme", ADMIN, "replies");
        inbox = mailbox.inbox();
    }

    private String lead(String email) {
        return api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("firstName", "Dana", "lastName", "Buyer", "source", "api", "email", email))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** Sends an email to the lead and waits until GreenMail has it; answers [email id, Message-ID, Reply-To]. */
    private String[] send(String lead, String subject) throws Exception {
        JsonNode queued = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead, "subject", subject, "text", "Here is the quote."))
                .send()
                .expect(201)
                .json();
        String messageId = queued.get("messageId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        String replyTo = Mailboxes.withMessageId(messageId).get(0).getHeader("Reply-To", null);
        return new String[] {queued.get("id").asText(), messageId, replyTo};
    }

    private List<JsonNode> read(int expected) {
        return mailbox.read(expected);
    }

    @Test
    void aReplyThreadsToTheSentEmailByItsHeadersOrItsTokenAndAnOutOfOfficeIsNotAReply() throws Exception {
        String customer = "dana-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        String lead = lead(customer);
        String[] sent = send(lead, "Your quote");

        inbox.deliver(GreenMailUtil.newMimeMessage("From: Dana Buyer <" + customer + ">\nTo: " + sent[2]
                + "\nSubject: Re: Your quote\nMessage-ID: <r1-" + UUID.randomUUID()
                + "@customer.example>\nIn-Reply-To: "
                + sent[1] + "\nReferences: " + sent[1]
                + "\n\nYes, Tuesday works.\n\nOn Monday, Rita wrote:\n> Here is the quote.\n"));
        inbox.deliver(GreenMailUtil.newMimeMessage("From: " + customer + "\nTo: " + sent[2]
                + "\nSubject: Automatic reply: Your quote\nAuto-Submitted: auto-replied\nIn-Reply-To: " + sent[1]
                + "\n\nI am out of the office until Monday.\n"));
        inbox.deliver(GreenMailUtil.newMimeMessage("From: " + customer + "\nTo: " + sent[2]
                + "\nSubject: one more thing\nMessage-ID: <r2-" + UUID.randomUUID() + "@customer.example>"
                + "\n\nCan we add two seats?\n"));

        List<JsonNode> messages = read(3);

        assertThat(messages)
                .extracting(m -> m.get("kind").asText() + ":" + m.get("status").asText())
                .containsExactlyInAnyOrder("REPLY:THREADED", "REPLY:THREADED", "AUTO_REPLY:IGNORED");
        assertThat(messages)
                .filteredOn(m -> m.get("status").asText().equals("THREADED"))
                .allSatisfy(m -> assertThat(m.get("recordId").asText()).isEqualTo(lead));

        List<JsonNode> emails = new ArrayList<>();
        api.as("acme", REP, "GET", "/api/v1/emails?recordType=lead&recordId=" + lead)
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(emails::add);
        assertThat(emails)
                .filteredOn(e -> e.get("direction").asText().equals("inbound"))
                .extracting(e -> e.get("text").asText())
                .containsExactlyInAnyOrder("Yes, Tuesday works.", "Can we add two seats?");
        assertThat(emails)
                .filteredOn(e -> e.get("direction").asText().equals("inbound"))
                .allSatisfy(e -> assertThat(e.get("inReplyTo").asText()).isEqualTo(sent[1]));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published
                        .of(ReplyReceived.class)
                        .filter(r -> r.recordId().toString().equals(lead)))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.channel()).isEqualTo("email")));
    }

    @Test
    void aDeliveryStatusNotificationBouncesTheEmailAndSuppressesTheAddress() throws Exception {
        String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        String lead = lead(gone);
        String[] sent = send(lead, "Hello");

        inbox.deliver(
                GreenMailUtil.newMimeMessage("From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>\nTo: "
                        + sent[2]
                        + "\nSubject: Undelivered Mail Returned to Sender\nAuto-Submitted: auto-replied\nMIME-Version: 1.0"
                        + "\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type:"
                        + " text/plain\n\nYour message could not be delivered.\n\n--b1\nContent-Type: message/delivery-status\n\n"
                        + "Reporting-MTA: dns; mx.customer.example\n\nFinal-Recipient: rfc822; " + gone
                        + "\nAction: failed\nStatus: 5.1.1\n\n--b1\nContent-Type: text/rfc822-headers\n\nMessage-ID: "
                        + sent[1]
                        + "\nSubject: Hello\n\n--b1--\n"));

        List<JsonNode> messages = read(1);

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.get("kind").asText()).isEqualTo("BOUNCE");
            assertThat(m.get("status").asText()).isEqualTo("THREADED");
        });
        JsonNode email = api.as("acme", REP, "GET", "/api/v1/emails/" + sent[0])
                .send()
                .expect(200)
                .json();
        assertThat(email.get("status").asText()).isEqualTo("bounced");
        assertThat(email.get("lastError").asText()).contains("5.1.1");
        JsonNode suppressed = api.as("acme", ADMIN, "GET", "/api/v1/email-suppressions?address=" + gone)
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(suppressed)
                .singleElement()
                .satisfies(s -> assertThat(s.get("reason").asText()).isEqualTo("bounced"));
        Api.Response again = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(Map.of("recordType", "lead", "recordId", lead, "subject", "Hello again", "text", "Hi"))
                .send();
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asText()).endsWith("email-suppressed");
    }
}
