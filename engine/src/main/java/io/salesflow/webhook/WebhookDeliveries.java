package io.salesflow.webhook;

import static io.salesflow.webhook.WebhookSubscriptions.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.outbox.Outbox;
import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries of events to subscriptions: written with their outbox row in the transaction of the event, listed per
 * subscription (newest first, a page at a time), read with their attempts, and redelivered under the same
 * {@code webhook-id}.
 */
@Service
public class WebhookDeliveries {

    /** The outbox channel webhook deliveries go through. */
    public static final String CHANNEL = "webhook";

    private static final String COLUMNS = "id, seq, subscription_id, event_type, webhook_id, status, attempts,"
            + " last_status_code, last_error, created_at, last_attempt_at, delivered_at";
    private static final int ATTEMPTS_SHOWN = 50;

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    WebhookDeliveries(JdbcTemplate jdbc, Outbox outbox, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * One delivery (and its outbox row) per enabled subscription of the current tenant that wants {@code type}, in
     * the caller's transaction (a new one when there is none). A tenant has few subscriptions: one indexed look.
     */
    @Transactional
    public void publish(UUID tenantId, WebhookEventType type, Map<String, Object> data) {
        if (!tenantId.equals(TenantContext.current().orElse(null))) {
            TenantContext.runAs(tenantId, () -> publish(tenantId, type, data));
            return;
        }
        List<UUID> subscriptions = TransactionMemo.get(
                new Wanted(tenantId, type),
                () -> jdbc.queryForList(
                        "SELECT id FROM webhook_subscriptions WHERE enabled AND ? = ANY (event_types)",
                        UUID.class,
                        type.publicName()));
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type.publicName());
        event.put("timestamp", clock.instant().toString());
        event.put("data", data);
        String payload = json(event);
        for (UUID subscription : subscriptions) {
            insert(tenantId, subscription, type.publicName(), payload);
        }
    }

    /** Which subscriptions want a type, kept for the transaction: an import chunk publishes an event per row. */
    private record Wanted(UUID tenantId, WebhookEventType type) {}

    /** Forgets the subscriptions kept for this transaction: one was added, changed, disabled or deleted. */
    static void subscriptionsChanged() {
        TenantContext.current().ifPresent(tenant -> {
            for (WebhookEventType type : WebhookEventType.values()) {
                TransactionMemo.forget(new Wanted(tenant, type));
            }
        });
    }

    private UUID insert(UUID tenantId, UUID subscription, String eventType, String payload) {
        UUID id = UUID.randomUUID();
        String webhookId = "msg_" + id.toString().replace("-", "");
        jdbc.update(
                "INSERT INTO webhook_deliveries (tenant_id, id, subscription_id, event_type, webhook_id, payload,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenantId,
                id,
                subscription,
                eventType,
                webhookId,
                payload,
                Timestamp.from(clock.instant()));
        outbox.enqueue(CHANNEL, id, webhookId);
        return id;
    }

    private String json(Map<String, Object> event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A webhook payload holds plain values only", e);
        }
    }

    /**
     * One delivery of a process's own event to one subscription (the "call webhook" process action), in the
     * caller's transaction: sent whether or not the subscription lists the type, since a process names it. The
     * subscription must be enabled.
     */
    @Transactional
    public UUID enqueueTo(UUID subscriptionId, String eventType, Map<String, Object> data) {
        Boolean enabled = jdbc
                .query(
                        "SELECT enabled FROM webhook_subscriptions WHERE id = ?",
                        (rs, n) -> rs.getBoolean(1),
                        subscriptionId)
                .stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Webhook subscription", subscriptionId));
        if (!enabled) {
            throw Problem.conflict("Webhook subscription " + subscriptionId + " is disabled");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", eventType);
        event.put("timestamp", clock.instant().toString());
        event.put("data", data);
        return insert(TenantContext.require(), subscriptionId, eventType, json(event));
    }

    /** A subscription's deliveries, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<WebhookDeliveryView> page(UUID subscriptionId, String cursor, int limit) {
        Long before = CursorPage.decodeLong(cursor);
        Integer exists = jdbc.queryForObject(
                "SELECT count(*) FROM webhook_subscriptions WHERE id = ?", Integer.class, subscriptionId);
        if (exists == null || exists == 0) {
            throw Problem.notFound("Webhook subscription", subscriptionId);
        }
        List<Row> rows = jdbc.query(
                "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE subscription_id = ? AND seq < ?"
                        + " ORDER BY seq DESC LIMIT ?",
                ROW,
                subscriptionId,
                before == null ? Long.MAX_VALUE : before,
                limit + 1);
        CursorPage<Row> page = CursorPage.of(rows, limit, row -> Long.toString(row.seq()));
        return new CursorPage<>(page.items().stream().map(Row::view).toList(), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public WebhookDeliveryDetail get(UUID id) {
        Row row = find(id);
        String payload = jdbc.queryForObject("SELECT payload FROM webhook_deliveries WHERE id = ?", String.class, id);
        List<WebhookAttemptView> attempts = jdbc.query(
                "SELECT id, attempted_at, duration_ms, status_code, outcome, error, request_snippet,"
                        + " response_snippet FROM webhook_attempts WHERE delivery_id = ? ORDER BY id DESC LIMIT ?",
                (rs, n) -> new WebhookAttemptView(
                        rs.getLong("id"),
                        instant(rs.getTimestamp("attempted_at")),
                        rs.getLong("duration_ms"),
                        (Integer) rs.getObject("status_code"),
                        rs.getString("outcome"),
                        rs.getString("error"),
                        rs.getString("request_snippet"),
                        rs.getString("response_snippet")),
                id,
                ATTEMPTS_SHOWN);
        return new WebhookDeliveryDetail(row.view(), payload, attempts);
    }

    /**
     * Sends a delivery again, under the same {@code webhook-id} (receivers that saw it dedupe), with a fresh
     * schedule of attempts.
     */
    @Transactional
    public WebhookDeliveryView redeliver(UUID id) {
        Row row = find(id);
        if ("PENDING".equals(row.view().status())) {
            throw Problem.conflict("Delivery " + id + " is still being delivered");
        }
        Boolean enabled = jdbc.queryForObject(
                "SELECT enabled FROM webhook_subscriptions WHERE id = ?",
                Boolean.class,
                row.view().subscriptionId());
        if (!Boolean.TRUE.equals(enabled)) {
            throw Problem.conflict("The subscription of delivery " + id + " is disabled; enable it first");
        }
        jdbc.update("UPDATE webhook_deliveries SET status = 'PENDING', delivered_at = NULL WHERE id = ?", id);
        outbox.enqueue(CHANNEL, id, row.view().webhookId());
        return find(id).view();
    }

    private Row find(UUID id) {
        List<Row> found = jdbc.query("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ?", ROW, id);
        if (found.isEmpty()) {
            throw Problem.notFound("Webhook delivery", id);
        }
        return found.get(0);
    }

    private record Row(long seq, WebhookDeliveryView view) {}

    private static final RowMapper<Row> ROW = WebhookDeliveries::row;

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("seq"),
                new WebhookDeliveryView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("webhook_id"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status_code"),
                        rs.getString("last_error"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_attempt_at")),
                        instant(rs.getTimestamp("delivered_at"))));
    }
}
