package io.salesflow.webhook;

import io.salesflow.audit.AuditLog;
import io.salesflow.connectors.webhook.StandardWebhooks;
import io.salesflow.connectors.webhook.WebhookAddressGuard;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.secrets.SecretBox;
import io.salesflow.tenancy.TenantContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's webhook subscriptions: a URL (checked by the SSRF guard), the event types it wants, and a signing
 * secret generated here, sealed at rest and shown once; a rotation keeps the previous secret signing for an overlap.
 */
@Service
public class WebhookSubscriptions {

    static final String COLUMNS = "id, url, description, event_types, enabled, disabled_reason, disabled_at,"
            + " consecutive_failures, previous_secret_until, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final SecretBox secretBox;
    private final WebhookAddressGuard guard;
    private final WebhookProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    WebhookSubscriptions(
            JdbcTemplate jdbc,
            SecretBox secretBox,
            WebhookAddressGuard guard,
            WebhookProperties properties,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.secretBox = secretBox;
        this.guard = guard;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an admin sets on a subscription. */
    public record SubscriptionSettings(String url, List<String> eventTypes, String description, boolean enabled) {}

    public List<WebhookEventTypeView> eventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(t -> new WebhookEventTypeView(t.publicName(), t.description()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<WebhookSubscriptionView> list() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id LIMIT ?",
                VIEW,
                properties.maxSubscriptions());
    }

    @Transactional(readOnly = true)
    public WebhookSubscriptionView get(UUID id) {
        return find(id);
    }

    @Transactional
    public WebhookSubscriptionCreated create(SubscriptionSettings settings) {
        List<String> types = check(settings);
        Integer count = jdbc.queryForObject("SELECT count(*) FROM webhook_subscriptions", Integer.class);
        if (count != null && count >= properties.maxSubscriptions()) {
            throw Problem.conflict("A workspace may have at most " + properties.maxSubscriptions()
                    + " webhook subscriptions; delete one first");
        }
        UUID id = UUID.randomUUID();
        String secret = StandardWebhooks.newSecret();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO webhook_subscriptions (tenant_id, id, url, description, event_types, enabled,"
                        + " secret_sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                TenantContext.require(),
                id,
                settings.url().strip(),
                blankToNull(settings.description()),
                types.toArray(new String[0]),
                settings.enabled(),
                secretBox.seal(secret, context(id)),
                now,
                now);
        WebhookDeliveries.subscriptionsChanged();
        WebhookSubscriptionView view = find(id);
        audit.record("webhook-subscription.created", "webhook-subscription", id, null, view);
        return new WebhookSubscriptionCreated(view, secret);
    }

    /** Changes a subscription; enabling a disabled one clears why it was disabled and its failure count. */
    @Transactional
    public WebhookSubscriptionView update(UUID id, SubscriptionSettings settings) {
        WebhookSubscriptionView before = find(id);
        List<String> types = check(settings);
        jdbc.update(
                "UPDATE webhook_subscriptions SET url = ?, description = ?, event_types = ?, enabled = ?,"
                        + " disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,"
                        + " disabled_at = CASE WHEN ? THEN NULL ELSE disabled_at END,"
                        + " consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,"
                        + " updated_at = ?, version = version + 1 WHERE id = ?",
                settings.url().strip(),
                blankToNull(settings.description()),
                types.toArray(new String[0]),
                settings.enabled(),
                settings.enabled(),
                settings.enabled(),
                settings.enabled(),
                Timestamp.from(clock.instant()),
                id);
        WebhookDeliveries.subscriptionsChanged();
        WebhookSubscriptionView after = find(id);
        audit.record("webhook-subscription.updated", "webhook-subscription", id, before, after);
        return after;
    }

    /** Deletes a subscription with its delivery log; its deliveries still waiting are given up. */
    @Transactional
    public void delete(UUID id) {
        WebhookSubscriptionView before = find(id);
        jdbc.update("DELETE FROM webhook_subscriptions WHERE id = ?", id);
        WebhookDeliveries.subscriptionsChanged();
        audit.record("webhook-subscription.deleted", "webhook-subscription", id, before, null);
    }

    /** A new secret; the previous one keeps signing (a second signature) for the configured overlap. */
    @Transactional
    public WebhookSecretRotation rotate(UUID id) {
        find(id);
        String secret = StandardWebhooks.newSecret();
        Instant until = clock.instant().plus(properties.secretOverlap());
        jdbc.update(
                "UPDATE webhook_subscriptions SET previous_secret_sealed = secret_sealed, previous_secret_until = ?,"
                        + " secret_sealed = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                Timestamp.from(until),
                secretBox.seal(secret, context(id)),
                Timestamp.from(clock.instant()),
                id);
        audit.record(
                "webhook-subscription.secret-rotated",
                "webhook-subscription",
                id,
                null,
                Map.of("previousSecretValidUntil", until.toString()));
        return new WebhookSecretRotation(secret, until);
    }

    /** The secrets a delivery is signed with now: the current one, and the previous one during its overlap. */
    List<String> signingSecrets(UUID id, byte[] current, byte[] previous, Instant previousUntil) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secretBox.open(current, context(id)));
        if (previous != null && previousUntil != null && previousUntil.isAfter(clock.instant())) {
            secrets.add(secretBox.open(previous, context(id)));
        }
        return secrets;
    }

    private WebhookSubscriptionView find(UUID id) {
        List<WebhookSubscriptionView> found =
                jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ?", VIEW, id);
        if (found.isEmpty()) {
            throw Problem.notFound("Webhook subscription", id);
        }
        return found.get(0);
    }

    private List<String> check(SubscriptionSettings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = settings.url() == null ? "" : settings.url().strip();
        try {
            URI uri = new URI(url);
            guard.checkUrl(uri);
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "is not a URL"));
        } catch (WebhookAddressGuard.RefusedAddress e) {
            errors.add(new Problem.FieldError("url", e.getMessage()));
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        List<String> given = settings.eventTypes() == null ? List.of() : settings.eventTypes();
        for (int i = 0; i < given.size(); i++) {
            String type = given.get(i);
            if (type == null || WebhookEventType.byName(type).isEmpty()) {
                errors.add(new Problem.FieldError(
                        "eventTypes[" + i + "]",
                        "is not an event type; see GET /api/v1/webhook-subscriptions/event-types"));
            } else {
                types.add(type);
            }
        }
        if (given.isEmpty()) {
            errors.add(new Problem.FieldError("eventTypes", "must name at least one event type"));
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        return List.copyOf(types);
    }

    static String context(UUID subscriptionId) {
        return "webhook:" + TenantContext.require() + ":" + subscriptionId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static final RowMapper<WebhookSubscriptionView> VIEW = WebhookSubscriptions::view;

    private static WebhookSubscriptionView view(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookSubscriptionView(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                List.of((String[]) types.getArray()),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                instant(rs.getTimestamp("disabled_at")),
                rs.getInt("consecutive_failures"),
                instant(rs.getTimestamp("previous_secret_until")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
