package io.salesflow.sequence;

import static io.salesflow.sequence.SequenceFixtures.ADMIN;
import static io.salesflow.sequence.SequenceFixtures.REP;
import static io.salesflow.sequence.SequenceFixtures.emailStep;
import static io.salesflow.sequence.SequenceFixtures.runTimer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.salesflow.connectors.imap.MailboxPort;
import io.salesflow.email.Mailboxes;
import io.salesflow.email.RepliesMailbox;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sequences against real peers: emails of a sequence go out through GreenMail's SMTP; a real reply to the second email,
 * read from a GreenMail IMAP mailbox by the poller, stops the sequence and gives the lead's owner a follow-up task; a
 * delivery status notification for the first email of another stops that one and marks the contact bounced.
 */
@IntegrationTest
class FollowUpSequenceJourneyTest {

    @RegisterExtension
    static final GreenMailExtension imap =
            new GreenMailExtension(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort()});

    @Autowired
    Api api;

    @Autowired
    MailboxPort port;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    private SequenceFixtures fixtures;
    private RepliesMailbox mailbox;
    private GreenMailUser inbox;
    private String mailboxId;
    private String rep;

    @BeforeEach
    void senderAndRepliesMailbox() {
        fixtures = new SequenceFixtures(api);
        mailbox = RepliesMailbox.create(imap, api, port, "acme", ADMIN, "replies");
        inbox = mailbox.inbox();
        mailboxId = mailbox.id();
        rep = fixtures.userId(REP);
    }

    @Test
    void aRealReplyToTheSecondEmailStopsTheSequenceAndGivesTheOwnerATask() throws Exception {
        String first = fixtures.template("Step one for {{record.firstName}}");
        String secondA = fixtures.template("Step two A");
        String secondB = fixtures.template("Step two B");
        JsonNode sequence = fixtures.createSequence(
                SequenceFixtures.sequence(rep, mailboxId, List.of(emailStep(first), emailStep(secondA, secondB))));
        String sequenceId = sequence.get("id").asText();
        String customer = SequenceFixtures.unique("dana") + "@customer.example";
        String lead = fixtures.lead(customer);

        JsonNode enrolment =
                fixtures.enrol(sequenceId, "lead", lead).expect(201).json();
        String instance = enrolment.get("processInstanceId").asText();
        runTimer(management, instance, "Timer_WorkingHours");
        JsonNode sentFirst = outbound(lead, 1).get(0);
        assertThat(sentFirst.get("subject").asText()).isEqualTo("Step one for Dana");

        assertThat(runTimer(management, instance, "Timer_WaitOver")).isTrue();
        runTimer(management, instance, "Timer_WorkingHours");
        JsonNode sentSecond = outbound(lead, 2).stream()
                .filter(e -> e.get("subject").asText().startsWith("Step two"))
                .findFirst()
                .orElseThrow();
        String messageId = sentSecond.get("messageId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        String replyTo = Mailboxes.withMessageId(messageId).get(0).getHeader("Reply-To", null);

        inbox.deliver(GreenMailUtil.newMimeMessage("From: Dana Buyer <" + customer + ">\nTo: " + replyTo
                + "\nSubject: Re: " + sentSecond.get("subject").asText() + "\nMessage-ID: <r-" + UUID.randomUUID()
                + "@customer.example>\nIn-Reply-To: " + messageId + "\nReferences: " + messageId
                + "\n\nYes, let us talk on Tuesday.\n"));
        read();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode now = fixtures.enrolment(sequenceId, enrolment.get("id").asText());
            assertThat(now.get("status").asText()).isEqualTo("stopped");
            assertThat(now.get("stopReason").asText()).isEqualTo("replied");
            assertThat(now.get("currentStep").asInt()).isEqualTo(2);
        });
        Task followUp = tasks.createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("UserTask_FollowUpReply")
                .singleResult();
        assertThat(followUp).isNotNull();
        assertThat(followUp.getAssignee()).isEqualTo(rep);
        assertThat(management.createJobQuery().processInstanceId(instance).count())
                .as("no timer left: nothing more is sent")
                .isZero();

        JsonNode figures = api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + sequenceId + "/figures")
                .send()
                .expect(200)
                .json();
        assertThat(figures).hasSize(2);
        assertThat(figures.get(0).get("position").asInt()).isEqualTo(1);
        assertThat(figures.get(0).get("sent").asLong()).isEqualTo(1);
        assertThat(figures.get(0).get("replied").asLong()).isZero();
        assertThat(figures.get(1).get("position").asInt()).isEqualTo(2);
        assertThat(figures.get(1).get("variant").asText())
                .isEqualTo(sentSecond.get("subject").asText().endsWith("A") ? "A" : "B");
        assertThat(figures.get(1).get("sent").asLong()).isEqualTo(1);
        assertThat(figures.get(1).get("replied").asLong()).isEqualTo(1);
    }

    @Test
    void aMeetingBookedWhileTheRepTaskIsOpenStopsTheSequenceBeforeItWritesAgain() {
        String email = fixtures.template("Step two for {{record.firstName}}");
        Map<String, Object> task = Map.of("kind", "task", "waitFor", "P1D", "taskName", "Call about the demo");
        JsonNode sequence =
                fixtures.createSequence(SequenceFixtures.sequence(rep, mailboxId, List.of(task, emailStep(email))));
        String sequenceId = sequence.get("id").asText();
        String lead = fixtures.lead(SequenceFixtures.unique("mia") + "@customer.example");
        JsonNode enrolment =
                fixtures.enrol(sequenceId, "lead", lead).expect(201).json();
        String instance = enrolment.get("processInstanceId").asText();
        Task call = tasks.createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("UserTask_StepTask")
                .singleResult();
        assertThat(call).isNotNull();

        // The rep books the meeting on the call, then completes the task: the process was not waiting for an answer.
        api.as("acme", REP, "POST", "/api/v1/activities")
                .json(Map.of(
                        "type", "meeting",
                        "subject", "Demo with Mia",
                        "startAt", "2030-05-04T09:00:00Z",
                        "endAt", "2030-05-04T10:00:00Z",
                        "leadId", lead))
                .send()
                .expect(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> "meeting"
                .equals(inTenant.call(
                        "acme",
                        () -> jdbc.queryForObject(
                                "SELECT answer FROM sequence_enrolments WHERE id = ?",
                                String.class,
                                UUID.fromString(enrolment.get("id").asText())))));
        api.as("acme", REP, "POST", "/api/v1/tasks/" + call.getId() + "/complete")
                .json(Map.of("variables", Map.of("outcome", "done")))
                .send()
                .expect(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode now = fixtures.enrolment(sequenceId, enrolment.get("id").asText());
            assertThat(now.get("status").asText()).isEqualTo("stopped");
            assertThat(now.get("stopReason").asText()).isEqualTo("meeting");
        });
        assertThat(management.createJobQuery().processInstanceId(instance).count())
                .as("no timer left: the second step's email is never sent")
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId("Gateway_WaitForAnswer")
                        .count())
                .as("stopped where it looked for answers that came meanwhile, without waiting")
                .isZero();
        assertThat(api.as("acme", REP, "GET", "/api/v1/emails?recordType=lead&recordId=" + lead)
                        .send()
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void aBounceStopsTheSequenceAndMarksTheContactBounced() throws Exception {
        String template = fixtures.template("Hello from the sequence");
        String sequenceId = fixtures.createSequence(
                        SequenceFixtures.sequence(rep, mailboxId, List.of(emailStep(template), emailStep(template))))
                .get("id")
                .asText();
        String gone = SequenceFixtures.unique("gone") + "@customer.example";
        String contact = fixtures.contact(gone, true);

        JsonNode enrolment =
                fixtures.enrol(sequenceId, "contact", contact).expect(201).json();
        String instance = enrolment.get("processInstanceId").asText();
        runTimer(management, instance, "Timer_WorkingHours");
        String messageId =
                outbound("contact", contact, 1).get(0).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        String replyTo = Mailboxes.withMessageId(messageId).get(0).getHeader("Reply-To", null);

        inbox.deliver(
                GreenMailUtil.newMimeMessage("From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>\nTo: "
                        + replyTo
                        + "\nSubject: Undelivered Mail Returned to Sender\nAuto-Submitted: auto-replied\nMIME-Version: 1.0"
                        + "\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type:"
                        + " text/plain\n\nYour message could not be delivered.\n\n--b1\nContent-Type: message/delivery-status\n\n"
                        + "Reporting-MTA: dns; mx.customer.example\n\nFinal-Recipient: rfc822; " + gone
                        + "\nAction: failed\nStatus: 5.1.1\n\n--b1\nContent-Type: text/rfc822-headers\n\nMessage-ID: "
                        + messageId
                        + "\nSubject: Hello from the sequence\n\n--b1--\n"));
        read();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode now = fixtures.enrolment(sequenceId, enrolment.get("id").asText());
            assertThat(now.get("status").asText()).isEqualTo("stopped");
            assertThat(now.get("stopReason").asText()).isEqualTo("bounced");
        });
        assertThat(api.as("acme", REP, "GET", "/api/v1/contacts/" + contact)
                        .send()
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("bounced");
        assertThat(management.createJobQuery().processInstanceId(instance).count())
                .isZero();
        JsonNode figures = api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + sequenceId + "/figures")
                .send()
                .expect(200)
                .json();
        assertThat(figures).singleElement().satisfies(f -> {
            assertThat(f.get("sent").asLong()).isEqualTo(1);
            assertThat(f.get("bounced").asLong()).isEqualTo(1);
            assertThat(f.get("delivered").asLong()).isZero();
        });
    }

    private List<JsonNode> outbound(String lead, int expected) {
        return outbound("lead", lead, expected);
    }

    /** The record's outbound emails once there are {@code expected} of them. */
    private List<JsonNode> outbound(String recordType, String recordId, int expected) {
        List<JsonNode> emails = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            emails.clear();
            api.as("acme", REP, "GET", "/api/v1/emails?recordType=" + recordType + "&recordId=" + recordId)
                    .send()
                    .expect(200)
                    .json()
                    .get("items")
                    .forEach(e -> {
                        if (e.get("direction").asText().equals("outbound")) {
                            emails.add(e);
                        }
                    });
            return emails.size() >= expected;
        });
        return emails;
    }

    /** Reads the replies mailbox until the message delivered to it is threaded. */
    private void read() {
        mailbox.read(1);
    }
}
