package io.salesflow.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesflow.connectors.mail.MailRelay;
import io.salesflow.connectors.mail.OutgoingMail;
import io.salesflow.connectors.mail.SmtpServer;
import io.salesflow.outbox.OutboxRelay;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15's figure for email out: emails relayed per second through the outbox (claim, load, suppression and rate
 * checks, SMTP send through the smtp-send route, record) to GreenMail, against the same run's bare route sending the
 * same messages. Logged, never asserted: times depend on the machine.
 */
@IntegrationTest
class EmailThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(EmailThroughputTest.class);
    private static final int EMAILS = 100;

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailRelay mailRelay;

    @Test
    void emailsRelayedPerSecondThroughTheOutboxAgainstABareRoute() {
        Mailboxes.useGreenMail(api, "acme", 10_000);
        String lead = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of(
                        "lastName",
                        "Throughput",
                        "email",
                        "speed-" + UUID.randomUUID() + "@example.com",
                        "source",
                        "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        List<UUID> ids = new ArrayList<>();
        relay.stop();
        try {
            for (int i = 0; i < EMAILS; i++) {
                ids.add(UUID.fromString(api.as("acme", "rep@acme.test", "POST", "/api/v1/emails")
                        .json(Map.of("recordType", "lead", "recordId", lead, "subject", "Speed " + i, "text", "Hello"))
                        .send()
                        .expect(201)
                        .json()
                        .get("id")
                        .asText()));
            }
        } finally {
            relay.start();
        }
        long start = System.nanoTime();
        relay.relayDue();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> inTenant.call(
                                "acme",
                                () -> jdbc.queryForObject(
                                        "SELECT count(*) FROM outbox_messages WHERE status = 'DELIVERED' AND subject_id = ANY (?)",
                                        Integer.class,
                                        (Object) ids.toArray(UUID[]::new)))
                        == EMAILS);
        double outboxSeconds = (System.nanoTime() - start) / 1e9;

        SmtpServer server = new SmtpServer("localhost", Mailboxes.port(), SmtpServer.Security.NONE, null, null);
        long bareStart = System.nanoTime();
        for (int i = 0; i < EMAILS; i++) {
            mailRelay.send(
                    server,
                    new OutgoingMail(
                            "<bare-" + UUID.randomUUID() + "@acme.test>",
                            "sales@acme.test",
                            "acme Sales",
                            List.of("speed@example.com"),
                            List.of(),
                            "reply+abcdefghijklmnopqrstuvwxyz@replies.acme.test",
                            null,
                            List.of(),
                            "Speed " + i,
                            "Hello",
                            null,
                            "http://localhost/unsubscribe/token"));
        }
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
        double outboxRate = EMAILS / outboxSeconds;
        double bareRate = EMAILS / bareSeconds;
        log.info(
                "Email out: {} emails through the outbox to GreenMail in {} s = {} per second; bare smtp-send route:"
                        + " {} s = {} per second; outbox / bare = {}",
                EMAILS,
                String.format("%.2f", outboxSeconds),
                String.format("%.1f", outboxRate),
                String.format("%.2f", bareSeconds),
                String.format("%.1f", bareRate),
                String.format("%.2f", outboxRate / bareRate));
        assertThat(outboxRate).isPositive();
    }
}
