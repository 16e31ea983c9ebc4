package io.salesflow.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesflow.outbox.OutboxRelay;
import io.salesflow.platform.database.EmbeddedPostgresServer;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15's kill test: a batch of emails is relayed, and the relay dies after some SMTP sends but before their
 * outbox rows are recorded (a trigger makes the record step fail, as a crash there would leave it). After a restart
 * (the lease has passed) every email arrives; the ones sent before the crash arrive twice, under the same
 * Message-ID, which is what receivers dedupe on.
 */
@IntegrationTest
class EmailOutboxKillTest {

    private static final Logger log = LoggerFactory.getLogger(EmailOutboxKillTest.class);
    private static final int BATCH = 12;
    private static final int RECORDED_BEFORE_THE_CRASH = 4;

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void aRelayKilledBetweenSendsAndTheirRecordLosesNothingAndRepeatsUnderTheSameMessageId() {
        Mailboxes.useGreenMail(api, "acme", 10_000);
        String lead = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of(
                        "lastName", "Killtest", "email", "kill-" + UUID.randomUUID() + "@example.com", "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        JdbcTemplate owner = new JdbcTemplate(server.superuserDataSource());
        List<UUID> ids = new ArrayList<>();
        Map<UUID, String> messageIds;
        relay.stop();
        try {
            for (int i = 0; i < BATCH; i++) {
                var sent = api.as("acme", "rep@acme.test", "POST", "/api/v1/emails")
                        .json(Map.of(
                                "recordType", "lead", "recordId", lead, "subject", "Kill test " + i, "text", "n" + i))
                        .send()
                        .expect(201)
                        .json();
                ids.add(UUID.fromString(sent.get("id").asText()));
            }
            messageIds = inTenant.call("acme", () -> ids.stream()
                    .collect(Collectors.toMap(
                            Function.identity(),
                            id -> jdbc.queryForObject(
                                    "SELECT message_id FROM emails WHERE id = ?", String.class, id))));
            owner.execute("CREATE SEQUENCE email_kill_switch");
            owner.execute(
                    """
                    CREATE FUNCTION email_kill_switch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                        IF NEW.channel = 'email' AND NEW.status = 'DELIVERED' AND OLD.status = 'PENDING'
                           AND nextval('email_kill_switch') > %d THEN
                            RAISE EXCEPTION 'the relay died before recording this delivery';
                        END IF;
                        RETURN NEW;
                    END $$
                    """
                            .formatted(RECORDED_BEFORE_THE_CRASH));
            owner.execute("CREATE TRIGGER email_kill_switch BEFORE UPDATE ON outbox_messages FOR EACH ROW"
                    + " EXECUTE FUNCTION email_kill_switch()");
        } finally {
            relay.start();
        }
        try {
            relay.relayDue();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> owner.queryForObject("SELECT last_value FROM email_kill_switch", Long.class)
                            > RECORDED_BEFORE_THE_CRASH);
        } finally {
            owner.execute("DROP TRIGGER email_kill_switch ON outbox_messages");
            owner.execute("DROP FUNCTION email_kill_switch()");
            owner.execute("DROP SEQUENCE email_kill_switch");
        }
        List<String> pendingAfterCrash = inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT status FROM outbox_messages WHERE subject_id = ANY (?)", String.class, (Object)
                                ids.toArray(UUID[]::new)));
        assertThat(pendingAfterCrash).filteredOn("DELIVERED"::equals).hasSize(RECORDED_BEFORE_THE_CRASH);
        assertThat(pendingAfterCrash).filteredOn("PENDING"::equals).hasSize(BATCH - RECORDED_BEFORE_THE_CRASH);

        // Restart: the lease of the claimed rows has passed.
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE outbox_messages SET next_attempt_at = now() WHERE status = 'PENDING'"
                                + " AND subject_id = ANY (?)",
                        (Object) ids.toArray(UUID[]::new)));
        relay.relayDue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inTenant.call(
                                "acme",
                                () -> jdbc.queryForObject(
                                        "SELECT count(*) FROM outbox_messages WHERE status = 'DELIVERED'"
                                                + " AND subject_id = ANY (?)",
                                        Integer.class,
                                        (Object) ids.toArray(UUID[]::new)))
                        == BATCH);

        Map<String, Long> arrived = Arrays.stream(Mailboxes.greenMail().getReceivedMessages())
                .map(Mailboxes::messageIdOf)
                .filter(messageIds::containsValue)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(messageIds.values());
        long duplicates = arrived.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(duplicates).isEqualTo(1);
        for (String messageId : messageIds.values()) {
            List<MimeMessage> copies = Mailboxes.withMessageId(messageId);
            assertThat(copies)
                    .allSatisfy(m -> assertThat(Mailboxes.messageIdOf(m)).isEqualTo(messageId));
        }
        log.info(
                "Kill test: {} emails, {} recorded before the relay died, {} arrived twice under the same Message-ID",
                BATCH,
                RECORDED_BEFORE_THE_CRASH,
                duplicates);
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForList("SELECT status FROM emails WHERE id = ANY (?)", String.class, (Object)
                                ids.toArray(UUID[]::new))))
                .containsOnly("sent");
    }
}
