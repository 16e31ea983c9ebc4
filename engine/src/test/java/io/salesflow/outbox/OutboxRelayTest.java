package io.salesflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.ProbeChannel;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

@IntegrationTest
class OutboxRelayTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ProbeChannel probe;

    @Autowired
    InTenant inTenant;

    @Autowired
    Tenants tenants;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> row(UUID outboxId) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForMap(
                        "SELECT status, attempts, message_key, last_error FROM outbox_messages WHERE id = ?",
                        outboxId));
    }

    @Test
    void aMessageLeavesRightAfterItsTransactionCommitsUnderItsKey() {
        UUID subject = UUID.randomUUID();
        UUID id = inTenant.call("acme", () -> outbox.enqueue(ProbeChannel.NAME, subject, "<" + subject + "@acme>"));

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(row(id).get("status")));
        assertThat(probe.deliveriesOf(subject)).singleElement().satisfies(item -> {
            assertThat(item.messageKey()).isEqualTo("<" + subject + "@acme>");
            assertThat(item.attempt()).isEqualTo(1);
            assertThat(item.tenantId())
                    .isEqualTo(tenants.findBySlug("acme").orElseThrow().getId());
        });
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        UUID subject = UUID.randomUUID();
        assertThatThrownBy(() -> inTenant.run("acme", () -> {
                    outbox.enqueue(ProbeChannel.NAME, subject, "k-" + subject);
                    throw new IllegalStateException("the change failed");
                }))
                .hasMessage("the change failed");

        inTenant.run("acme", relay::drain);
        assertThat(probe.deliveriesOf(subject)).isEmpty();
        Integer rows = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_messages WHERE subject_id = ?", Integer.class, subject));
        assertThat(rows).isZero();
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        UUID tenant = tenants.findBySlug("acme").orElseThrow().getId();
        assertThatThrownBy(() ->
                        TenantContext.runAs(tenant, () -> outbox.enqueue(ProbeChannel.NAME, UUID.randomUUID(), "k")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aFailingDeliveryIsRetriedUnderTheSameKeyThenGivenUpAndReported() {
        UUID subject = UUID.randomUUID();
        probe.answer(subject, item -> DeliveryOutcome.retry("peer said 451 try later"));
        relay.stop();
        try {
            UUID id = inTenant.call("acme", () -> outbox.enqueue(ProbeChannel.NAME, subject, "k-" + subject));
            relay.start();
            relay.relayDue();

            await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(row(id).get("status")));
            assertThat(probe.deliveriesOf(subject))
                    .extracting(OutboxItem::attempt)
                    .containsExactly(1, 2);
            assertThat(probe.deliveriesOf(subject))
                    .extracting(OutboxItem::messageKey)
                    .containsOnly("k-" + subject);
            assertThat(row(id)).containsEntry("attempts", 2).hasEntrySatisfying("last_error", e -> assertThat(
                            (String) e)
                    .contains("451 try later"));
            assertThat(probe.givenUp).extracting(OutboxItem::subjectId).contains(subject);
        } finally {
            relay.start();
        }
    }

    @Test
    void aThrowingChannelCountsAsAFailedAttemptAndNeverStopsTheRelay() {
        UUID broken = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        probe.answer(broken, item -> {
            throw new IllegalStateException("connection reset");
        });
        relay.stop();
        try {
            inTenant.run("acme", () -> {
                outbox.enqueue(ProbeChannel.NAME, broken, "k-" + broken);
                outbox.enqueue(ProbeChannel.NAME, fine, "k-" + fine);
            });
            relay.start();
            relay.relayDue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(probe.deliveriesOf(broken)).hasSize(2);
                assertThat(probe.deliveriesOf(fine)).hasSize(1);
            });
        } finally {
            relay.start();
        }
    }

    @Test
    void aDeferredMessageWaitsWithoutUsingAnAttempt() {
        UUID subject = UUID.randomUUID();
        probe.answer(subject, item -> DeliveryOutcome.deferred("send rate reached", Duration.ofMinutes(1)));
        relay.stop();
        try {
            UUID id = inTenant.call("acme", () -> outbox.enqueue(ProbeChannel.NAME, subject, "k-" + subject));
            relay.start();
            relay.relayDue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> probe.deliveriesOf(subject).size() == 1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(row(id))
                    .containsEntry("status", "PENDING")
                    .containsEntry("attempts", 0)
                    .containsEntry("last_error", "send rate reached"));
        } finally {
            relay.start();
        }
    }

    @Test
    void aStoppedRelayHoldsMessagesBackUntilItStarts() {
        UUID subject = UUID.randomUUID();
        relay.stop();
        UUID id;
        try {
            id = inTenant.call("acme", () -> outbox.enqueue(ProbeChannel.NAME, subject, "k-" + subject));
            relay.relayDue();
            inTenant.run("acme", relay::drain);
            assertThat(probe.deliveriesOf(subject)).isEmpty();
        } finally {
            relay.start();
        }
        relay.relayDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(row(id).get("status")));
    }

    @Test
    void anotherTenantNeverSeesTheRows() {
        UUID subject = UUID.randomUUID();
        relay.stop();
        try {
            inTenant.run("acme", () -> outbox.enqueue(ProbeChannel.NAME, subject, "k-" + subject));
            Integer seen = inTenant.call(
                    "globex",
                    () -> jdbc.queryForObject(
                            "SELECT count(*) FROM outbox_messages WHERE subject_id = ?", Integer.class, subject));
            assertThat(seen).isZero();
        } finally {
            relay.start();
        }
    }
}
