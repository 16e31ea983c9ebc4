package io.salesflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.outbox.OutboxRelay;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhook deliveries against a real HTTP receiver on 127.0.0.1 (allowlisted in the test configuration) that checks
 * signatures with its own HMAC: a domain event becomes a signed delivery through the outbox, failures are retried on
 * the schedule under the same webhook-id, 429 waits for Retry-After, 410 disables the subscription, redirects and
 * slow answers fail, a rotation signs twice, and redelivery sends the same id again.
 */
@IntegrationTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin@acme.test";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    private WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void receive() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void cleanUp() {
        for (String id : subscriptions) {
            api.as("acme", ADMIN, "DELETE", "/api/v1/webhook-subscriptions/" + id)
                    .send();
        }
        receiver.close();
    }

    private JsonNode subscribe(String path, String... types) {
        JsonNode created = api.as("acme", ADMIN, "POST", "/api/v1/webhook-subscriptions")
                .json(Map.of("url", receiver.url(path), "eventTypes", List.of(types), "description", "test " + path))
                .send()
                .expect(201)
                .json();
        subscriptions.add(created.get("subscription").get("id").asText());
        return created;
    }

    private String createLead() {
        return api.as("acme", ADMIN, "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Hooked", "company", "Webhook Ltd " + UUID.randomUUID(), "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private JsonNode deliveries(JsonNode subscription) {
        return api.as(
                        "acme",
                        ADMIN,
                        "GET",
                        "/api/v1/webhook-subscriptions/"
                                + subscription.get("subscription").get("id").asText() + "/deliveries")
                .send()
                .expect(200)
                .json()
                .get("items");
    }

    private JsonNode onlyDelivery(JsonNode subscription) {
        JsonNode items = deliveries(subscription);
        assertThat(items).hasSize(1);
        return api.as(
                        "acme",
                        ADMIN,
                        "GET",
                        "/api/v1/webhook-deliveries/" + items.get(0).get("id").asText())
                .send()
                .expect(200)
                .json();
    }

    private Map<String, Object> outboxRow(String deliveryId) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForMap(
                        "SELECT status, attempts, message_key, next_attempt_at FROM outbox_messages"
                                + " WHERE subject_id = ?::uuid ORDER BY created_at DESC LIMIT 1",
                        deliveryId));
    }

    /** Time passes for one delivery: its next attempt is due now. */
    private void makeDue(String deliveryId) {
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE outbox_messages SET next_attempt_at = now() WHERE subject_id = ?::uuid"
                                + " AND status = 'PENDING'",
                        deliveryId));
        relay.relayDue();
    }

    /** How long after the attempt the relay schedules the next one. */
    private Duration waitAfterLastAttempt(String deliveryId) {
        Timestamp attempted = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT max(attempted_at) FROM webhook_attempts WHERE delivery_id = ?::uuid",
                        Timestamp.class,
                        deliveryId));
        Timestamp next = (Timestamp) outboxRow(deliveryId).get("next_attempt_at");
        return Duration.between(attempted.toInstant(), next.toInstant());
    }

    @Test
    void aNewLeadIsDeliveredSignedWithTheStandardHeadersAndLogged() throws Exception {
        receiver.script("/leads", WebhookReceiver.Answer.of(202));
        JsonNode subscription = subscribe("/leads", "lead.created");
        String secret = subscription.get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        String leadId = createLead();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/leads").size() == 1);
        WebhookReceiver.Received received = receiver.at("/leads").get(0);
        assertThat(received.id()).startsWith("msg_");
        assertThat(WebhookReceiver.signedBy(received, secret)).isTrue();
        assertThat(received.signature().split(" ")).hasSize(1);
        JsonNode payload = JSON.readTree(received.body());
        assertThat(payload.get("type").asText()).isEqualTo("lead.created");
        assertThat(payload.get("timestamp").asText()).isNotBlank();
        assertThat(payload.get("data").get("leadId").asText()).isEqualTo(leadId);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED"
                .equals(deliveries(subscription).get(0).get("status").asText()));
        JsonNode detail = onlyDelivery(subscription);
        assertThat(detail.get("delivery").get("webhookId").asText()).isEqualTo(received.id());
        assertThat(detail.get("delivery").get("lastStatusCode").asInt()).isEqualTo(202);
        assertThat(detail.get("payload").asText()).isEqualTo(received.text());
        JsonNode attempt = detail.get("attempts").get(0);
        assertThat(attempt.get("statusCode").asInt()).isEqualTo(202);
        assertThat(attempt.get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(attempt.get("durationMs").asLong()).isNotNegative();
        assertThat(attempt.get("request").asText())
                .contains("webhook-id: " + received.id())
                .contains("lead.created");
        assertThat(attempt.get("response").asText()).isEqualTo("answer 202");
        assertThat(outboxRow(detail.get("delivery").get("id").asText()))
                .containsEntry("status", "DELIVERED")
                .containsEntry("message_key", received.id());
    }

    @Test
    void aFailedDeliveryIsRetriedOnTheScheduleUnderTheSameIdAndTheReceiverDedupes() {
        receiver.script("/flaky", WebhookReceiver.Answer.of(500), WebhookReceiver.Answer.of(200));
        JsonNode subscription = subscribe("/flaky", "lead.created");
        createLead();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/flaky").size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(subscription).get(0).get("attempts").asInt() == 1);
        String deliveryId = deliveries(subscription).get(0).get("id").asText();
        assertThat(deliveries(subscription).get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(waitAfterLastAttempt(deliveryId))
                .as("5 s after the first failure")
                .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));

        makeDue(deliveryId);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED"
                .equals(deliveries(subscription).get(0).get("status").asText()));
        assertThat(receiver.at("/flaky")).hasSize(2);
        assertThat(receiver.at("/flaky"))
                .extracting(WebhookReceiver.Received::id)
                .containsOnly(receiver.at("/flaky").get(0).id());
        assertThat(receiver.distinctIds()).isEqualTo(1);
        JsonNode attempts = onlyDelivery(subscription).get("attempts");
        assertThat(attempts).extracting(a -> a.get("statusCode").asInt()).containsExactly(200, 500);
        assertThat(attempts).extracting(a -> a.get("outcome").asText()).containsExactly("DELIVERED", "RETRY");
    }

    @Test
    void a429IsRetriedAfterTheReceiversRetryAfter() {
        receiver.script(
                "/busy",
                new WebhookReceiver.Answer(429, Map.of("Retry-After", "120"), 0),
                WebhookReceiver.Answer.of(200));
        JsonNode subscription = subscribe("/busy", "lead.created");
        createLead();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(subscription).get(0).get("attempts").asInt() == 1);
        String deliveryId = deliveries(subscription).get(0).get("id").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> waitAfterLastAttempt(deliveryId).compareTo(Duration.ofSeconds(120)) >= 0);
        assertThat(waitAfterLastAttempt(deliveryId)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(123));
        assertThat(onlyDelivery(subscription)
                        .get("attempts")
                        .get(0)
                        .get("statusCode")
                        .asInt())
                .isEqualTo(429);

        makeDue(deliveryId);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED"
                .equals(deliveries(subscription).get(0).get("status").asText()));
    }

    @Test
    void a410DisablesTheSubscriptionAndGivesUp() {
        receiver.script("/gone", WebhookReceiver.Answer.of(410));
        JsonNode subscription = subscribe("/gone", "lead.created");
        String id = subscription.get("subscription").get("id").asText();
        createLead();

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED"
                .equals(deliveries(subscription).get(0).get("status").asText()));
        JsonNode after = api.as("acme", ADMIN, "GET", "/api/v1/webhook-subscriptions/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(after.get("enabled").asBoolean()).isFalse();
        assertThat(after.get("disabledReason").asText()).contains("410");
        assertThat(outboxRow(deliveries(subscription).get(0).get("id").asText()))
                .containsEntry("status", "FAILED");

        createLead();
        assertThat(deliveries(subscription))
                .as("a disabled subscription gets nothing")
                .hasSize(1);
        Integer audited = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM audit_log WHERE action = 'webhook-subscription.disabled'"
                                + " AND resource_id = ?",
                        Integer.class,
                        id));
        assertThat(audited).isOne();
    }

    @Test
    void redirectsAreNotFollowedAndCountAsFailures() {
        receiver.script(
                "/moved",
                new WebhookReceiver.Answer(302, Map.of("Location", "http://169.254.169.254/latest/meta-data/"), 0));
        receiver.script("/target", WebhookReceiver.Answer.of(200));
        JsonNode subscription = subscribe("/moved", "lead.created");
        createLead();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(subscription).get(0).get("attempts").asInt() == 1);
        JsonNode delivery = deliveries(subscription).get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("PENDING");
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(302);
        assertThat(delivery.get("lastError").asText()).contains("redirects are not followed");
        assertThat(receiver.at("/moved")).hasSize(1);
    }

    @Test
    void aSlowReceiverTimesOutAndIsRetried() {
        receiver.script("/slow", new WebhookReceiver.Answer(200, Map.of(), 3500));
        JsonNode subscription = subscribe("/slow", "lead.created");
        createLead();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries(subscription).get(0).get("attempts").asInt() == 1);
        JsonNode delivery = deliveries(subscription).get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("PENDING");
        assertThat(delivery.get("lastStatusCode").isNull()).isTrue();
        assertThat(delivery.get("lastError").asText()).contains("timed out");
    }

    @Test
    void afterARotationDeliveriesCarryBothSignaturesEachVerifiable() {
        receiver.script("/rotating", WebhookReceiver.Answer.of(200));
        JsonNode subscription = subscribe("/rotating", "lead.created");
        String oldSecret = subscription.get("secret").asText();
        String id = subscription.get("subscription").get("id").asText();

        JsonNode rotated = api.as("acme", ADMIN, "POST", "/api/v1/webhook-subscriptions/" + id + "/rotate-secret")
                .send()
                .expect(200)
                .json();
        String newSecret = rotated.get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.get("previousSecretValidUntil").asText()).isNotBlank();

        createLead();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/rotating").size() == 1);
        WebhookReceiver.Received received = receiver.at("/rotating").get(0);
        assertThat(received.signature().split(" ")).hasSize(2);
        assertThat(WebhookReceiver.signedBy(received, oldSecret)).isTrue();
        assertThat(WebhookReceiver.signedBy(received, newSecret)).isTrue();
        assertThat(WebhookReceiver.signedBy(received, io.salesflow.connectors.webhook.StandardWebhooks.newSecret()))
                .isFalse();

        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE webhook_subscriptions SET previous_secret_until = now() - interval '1 second'"
                                + " WHERE id = ?::uuid",
                        id));
        createLead();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/rotating").size() == 2);
        WebhookReceiver.Received afterOverlap = receiver.at("/rotating").get(1);
        assertThat(afterOverlap.signature().split(" ")).hasSize(1);
        assertThat(WebhookReceiver.signedBy(afterOverlap, newSecret)).isTrue();
        assertThat(WebhookReceiver.signedBy(afterOverlap, oldSecret)).isFalse();
    }

    @Test
    void aRedeliveryCarriesTheSameWebhookId() {
        receiver.script("/again", WebhookReceiver.Answer.of(200));
        JsonNode subscription = subscribe("/again", "lead.created");
        createLead();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED"
                .equals(deliveries(subscription).get(0).get("status").asText()));
        String deliveryId = deliveries(subscription).get(0).get("id").asText();

        JsonNode redelivered = api.as("acme", ADMIN, "POST", "/api/v1/webhook-deliveries/" + deliveryId + "/redeliver")
                .send()
                .expect(202)
                .json();
        assertThat(redelivered.get("status").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/again").size() == 2);
        assertThat(receiver.at("/again").get(1).id())
                .isEqualTo(receiver.at("/again").get(0).id());
        assertThat(receiver.distinctIds()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED"
                .equals(deliveries(subscription).get(0).get("status").asText()));
        assertThat(onlyDelivery(subscription).get("attempts")).hasSize(2);
    }

    @Test
    void manyFailuresInARowDisableTheSubscription() {
        receiver.script("/down", WebhookReceiver.Answer.of(503));
        JsonNode subscription = subscribe("/down", "lead.created");
        String id = subscription.get("subscription").get("id").asText();
        inTenant.run(
                "acme",
                () -> jdbc.update("UPDATE webhook_subscriptions SET consecutive_failures = 19 WHERE id = ?::uuid", id));
        createLead();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.as("acme", ADMIN, "GET", "/api/v1/webhook-subscriptions/" + id)
                        .send()
                        .json()
                        .get("enabled")
                        .asBoolean());
        JsonNode after = api.as("acme", ADMIN, "GET", "/api/v1/webhook-subscriptions/" + id)
                .send()
                .json();
        assertThat(after.get("disabledReason").asText()).contains("20 failed attempts in a row");

        api.as("acme", ADMIN, "PUT", "/api/v1/webhook-subscriptions/" + id)
                .json(Map.of("url", receiver.url("/down"), "eventTypes", List.of("lead.created"), "enabled", true))
                .send()
                .expect(200);
        JsonNode enabled = api.as("acme", ADMIN, "GET", "/api/v1/webhook-subscriptions/" + id)
                .send()
                .json();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(enabled.get("consecutiveFailures").asInt()).isZero();
    }
}
