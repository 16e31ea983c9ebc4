package io.salesflow.webhook;

import io.salesflow.audit.AuditLog;
import io.salesflow.connectors.webhook.OutboundWebhookRoutes;
import io.salesflow.connectors.webhook.StandardWebhooks;
import io.salesflow.connectors.webhook.WebhookAnswer;
import io.salesflow.connectors.webhook.WebhookCall;
import io.salesflow.outbox.DeliveryOutcome;
import io.salesflow.outbox.OutboxChannel;
import io.salesflow.outbox.OutboxItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends webhook deliveries for the outbox relay through the {@code webhook-deliver} Camel route: signed with the
 * subscription's secret (and the previous one during a rotation) under the delivery's {@code webhook-id}, every
 * attempt logged. 2xx is delivered; 410 disables the subscription; 429 waits for {@code Retry-After}; anything else
 * (a 3xx included: redirects are never followed) is retried on {@link WebhookRetrySchedule}. Too many failed attempts
 * in a row disable the subscription, with the reason on it and in the audit log.
 */
@Component
class WebhookChannel implements OutboxChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
    static final int SNIPPET_CHARS = 2000;

    private final JdbcTemplate jdbc;
    private final WebhookSubscriptions subscriptions;
    private final ProducerTemplate camel;
    private final WebhookProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    WebhookChannel(
            JdbcTemplate jdbc,
            WebhookSubscriptions subscriptions,
            ProducerTemplate camel,
            WebhookProperties properties,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.camel = camel;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return WebhookDeliveries.CHANNEL;
    }

    @Override
    public Optional<Duration> retryDelay(int attempt) {
        return WebhookRetrySchedule.delayAfter(attempt);
    }

    private record Target(
            UUID subscriptionId,
            String url,
            boolean enabled,
            byte[] secret,
            byte[] previousSecret,
            Instant previousUntil,
            String webhookId,
            String payload) {}

    @Override
    public DeliveryOutcome deliver(OutboxItem item) {
        Optional<Target> found = transactions.execute(status -> jdbc
                .query(
                        "SELECT s.id, s.url, s.enabled, s.secret_sealed, s.previous_secret_sealed,"
                                + " s.previous_secret_until, d.webhook_id, d.payload FROM webhook_deliveries d"
                                + " JOIN webhook_subscriptions s ON s.tenant_id = d.tenant_id"
                                + " AND s.id = d.subscription_id WHERE d.id = ?",
                        (rs, n) -> new Target(
                                rs.getObject("id", UUID.class),
                                rs.getString("url"),
                                rs.getBoolean("enabled"),
                                rs.getBytes("secret_sealed"),
                                rs.getBytes("previous_secret_sealed"),
                                WebhookSubscriptions.instant(rs.getTimestamp("previous_secret_until")),
                                rs.getString("webhook_id"),
                                rs.getString("payload")),
                        item.subjectId())
                .stream()
                .findFirst());
        if (found.isEmpty()) {
            return DeliveryOutcome.giveUp("The delivery or its subscription was deleted");
        }
        Target target = found.get();
        if (!target.enabled()) {
            return DeliveryOutcome.giveUp("The subscription is disabled");
        }
        List<String> secrets = transactions.execute(status -> subscriptions.signingSecrets(
                target.subscriptionId(), target.secret(), target.previousSecret(), target.previousUntil()));
        byte[] body = target.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StandardWebhooks.ID, item.messageKey());
        headers.put(StandardWebhooks.TIMESTAMP, Long.toString(timestamp));
        headers.put(
                StandardWebhooks.SIGNATURE,
                StandardWebhooks.signatureHeader(secrets, item.messageKey(), timestamp, body));
        Instant attemptedAt = clock.instant();
        WebhookAnswer answer = camel.requestBody(
                OutboundWebhookRoutes.DELIVER,
                new WebhookCall(URI.create(target.url()), headers, body),
                WebhookAnswer.class);

        Decision decision = decide(answer, item.attempt());
        record(item, target, headers, answer, attemptedAt, decision);
        return decision.relay();
    }

    /** What an answer means for the delivery, its subscription and the relay. */
    record Decision(String attemptOutcome, DeliveryOutcome relay, String disableReason) {}

    Decision decide(WebhookAnswer answer, int attempt) {
        if (answer.successful()) {
            return new Decision("DELIVERED", DeliveryOutcome.delivered("HTTP " + answer.status()), null);
        }
        String reason = reason(answer);
        if (answer.status() == 410) {
            return new Decision(
                    "FAILED",
                    DeliveryOutcome.giveUp(reason),
                    "The receiver answered 410 Gone: it wants no more deliveries");
        }
        boolean lastAttempt = WebhookRetrySchedule.delayAfter(attempt).isEmpty();
        if (lastAttempt) {
            return new Decision(
                    "FAILED", DeliveryOutcome.giveUp("Gave up after " + attempt + " attempts: " + reason), null);
        }
        if (answer.status() == 429) {
            Optional<Duration> wait = WebhookRetrySchedule.retryAfter(answer.retryAfter(), clock);
            if (wait.isPresent()) {
                return new Decision("RETRY", DeliveryOutcome.retryAfter(reason, wait.get()), null);
            }
        }
        return new Decision("RETRY", DeliveryOutcome.retry(reason), null);
    }

    private static String reason(WebhookAnswer answer) {
        if (answer.status() == 0) {
            return answer.error();
        }
        return "HTTP " + answer.status()
                + (answer.status() >= 300 && answer.status() < 400 ? " (redirects are not followed)" : "");
    }

    private void record(
            OutboxItem item,
            Target target,
            Map<String, String> headers,
            WebhookAnswer answer,
            Instant attemptedAt,
            Decision decision) {
        boolean delivered = "DELIVERED".equals(decision.attemptOutcome());
        String error = delivered ? null : truncate(reason(answer), 1000);
        transactions.executeWithoutResult(status -> {
            jdbc.update(
                    "INSERT INTO webhook_attempts (tenant_id, delivery_id, attempted_at, duration_ms, status_code,"
                            + " outcome, error, request_snippet, response_snippet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    item.tenantId(),
                    item.subjectId(),
                    Timestamp.from(attemptedAt),
                    answer.millis(),
                    answer.status() == 0 ? null : answer.status(),
                    decision.attemptOutcome(),
                    error,
                    requestSnippet(target.url(), headers, target.payload()),
                    truncate(answer.body(), SNIPPET_CHARS));
            jdbc.update(
                    "UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = ?, last_error = ?,"
                            + " last_attempt_at = ?, status = ?, delivered_at = CASE WHEN ? THEN ? ELSE delivered_at"
                            + " END WHERE id = ?",
                    answer.status() == 0 ? null : answer.status(),
                    error,
                    Timestamp.from(attemptedAt),
                    delivered ? "DELIVERED" : "RETRY".equals(decision.attemptOutcome()) ? "PENDING" : "FAILED",
                    delivered,
                    Timestamp.from(clock.instant()),
                    item.subjectId());
            if (delivered) {
                jdbc.update(
                        "UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = ?"
                                + " AND consecutive_failures <> 0",
                        target.subscriptionId());
                return;
            }
            Integer failures = jdbc.queryForObject(
                    "UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = ?"
                            + " RETURNING consecutive_failures",
                    Integer.class,
                    target.subscriptionId());
            String disable = decision.disableReason();
            if (disable == null && failures != null && failures >= properties.disableAfterFailures()) {
                disable = "Disabled after " + failures + " failed attempts in a row; the last: " + error;
            }
            if (disable != null) {
                disable(target.subscriptionId(), disable);
            }
        });
    }

    private void disable(UUID subscriptionId, String reason) {
        int changed = jdbc.update(
                "UPDATE webhook_subscriptions SET enabled = false, disabled_reason = ?, disabled_at = ?,"
                        + " version = version + 1 WHERE id = ? AND enabled",
                truncate(reason, 1000),
                Timestamp.from(clock.instant()),
                subscriptionId);
        if (changed == 1) {
            WebhookDeliveries.subscriptionsChanged();
            log.warn("Webhook subscription {} disabled: {}", subscriptionId, reason);
            audit.record(
                    "webhook-subscription.disabled",
                    "webhook-subscription",
                    subscriptionId,
                    null,
                    Map.of("reason", reason));
        }
    }

    @Override
    public void gaveUp(OutboxItem item, String reason) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE webhook_deliveries SET status = 'FAILED', last_error = coalesce(last_error, ?)"
                        + " WHERE id = ? AND status = 'PENDING'",
                truncate(reason, 1000),
                item.subjectId()));
    }

    private static String requestSnippet(String url, Map<String, String> headers, String payload) {
        StringBuilder text = new StringBuilder("POST ").append(url).append('\n');
        headers.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append('\n'));
        text.append('\n').append(payload);
        return truncate(text.toString(), SNIPPET_CHARS);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
