package io.salesflow.textmessage;

import io.salesflow.connectors.twilio.TwilioSignatures;
import io.salesflow.engagement.ReplyReceived;
import io.salesflow.identity.SecurityEventLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twilio's calls to a workspace: status callbacks of the messages we sent and messages texted to us. Each is
 * checked against {@code X-Twilio-Signature} with the workspace's auth token over the URL Twilio called (our public
 * URL) and its form parameters; an unsigned or forged call is refused and recorded as a security event, and
 * nothing of it is kept.
 */
@Service
public class TwilioCallbacks {

    private static final Logger log = LoggerFactory.getLogger(TwilioCallbacks.class);

    private final Tenants tenants;
    private final TwilioSettingsStore settings;
    private final TextMessageRepository messages;
    private final OptOuts optOuts;
    private final SecurityEventLog securityEvents;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    TwilioCallbacks(
            Tenants tenants,
            TwilioSettingsStore settings,
            TextMessageRepository messages,
            OptOuts optOuts,
            SecurityEventLog securityEvents,
            RateLimiter limiter,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.settings = settings;
        this.messages = messages;
        this.optOuts = optOuts;
        this.securityEvents = securityEvents;
        this.limiter = limiter;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** One call from Twilio: the URL it called as Twilio saw it, its form parameters and its signature header. */
    public record Call(String tenantSlug, String url, Map<String, String> params, String signature) {}

    /** A status callback: moves the message's status forward (never back: callbacks come out of order). */
    public void status(Call call, UUID messageId) {
        inTenant(
                call,
                "status",
                () -> tx.executeWithoutResult(s -> {
                    String sid = call.params().get("MessageSid");
                    Optional<TextMessage> found = messageId != null
                            ? messages.lock(messageId)
                            : sid == null ? Optional.empty() : messages.lockBySid(sid);
                    if (found.isEmpty() || !"outbound".equals(found.get().direction())) {
                        log.info("Twilio status callback for a message we do not know: {}", sid);
                        return;
                    }
                    TextMessage message = found.get();
                    if (message.messageSid() == null && sid != null) {
                        messages.sid(message.id(), sid);
                    }
                    Optional<String> next = TextStatus.fromTwilio(call.params().get("MessageStatus"));
                    if (next.isPresent() && TextStatus.isForward(message.status(), next.get())) {
                        Integer error = errorCode(call.params().get("ErrorCode"));
                        messages.status(message.id(), next.get(), error, null);
                        if (TextStatus.FAILED.equals(next.get()) || TextStatus.UNDELIVERED.equals(next.get())) {
                            events.publishEvent(TextMessageFailed.of(
                                    TenantContext.require(),
                                    message,
                                    "Twilio reported it " + next.get()
                                            + (error == null ? "" : " (error " + error + ")")));
                        }
                    }
                }));
    }

    /**
     * A message texted to the workspace: stored once per MessageSid on the timeline of the lead or contact with
     * that number, with {@link ReplyReceived}; STOP and its kin put the number on the opt-out list, START takes it off.
     */
    public void inbound(Call call) {
        inTenant(
                call,
                "inbound",
                () -> tx.executeWithoutResult(s -> {
                    Map<String, String> p = call.params();
                    String sid = p.get("MessageSid");
                    String rawFrom = p.get("From");
                    String rawTo = p.get("To");
                    if (sid == null || !sid.matches("[A-Z]{2}[0-9a-f]{32}") || rawFrom == null || rawTo == null) {
                        throw new Problem(
                                400,
                                "validation",
                                "Invalid request",
                                "MessageSid, From and To are required as Twilio sends them");
                    }
                    String channel = rawFrom.startsWith("whatsapp:") ? "whatsapp" : "sms";
                    Optional<String> from = Phones.e164(rawFrom, null);
                    Optional<Match> record = from.flatMap(this::recordWithNumber);
                    String body = p.get("Body");
                    Optional<TextMessage> stored = messages.insertInbound(new TextMessage(
                            UUID.randomUUID(),
                            "inbound",
                            channel,
                            TextStatus.RECEIVED,
                            sid,
                            clip(rawTo.replaceFirst("^whatsapp:", ""), 60),
                            clip(from.orElse(rawFrom), 60),
                            body == null ? "" : clip(body, 1600),
                            null,
                            null,
                            record.map(Match::type).orElse(null),
                            record.map(Match::id).orElse(null),
                            null,
                            null,
                            null,
                            null,
                            null));
                    if (stored.isEmpty()) {
                        return; // Twilio delivered it before.
                    }
                    Optional<String> keyword = OptOuts.keyword(body);
                    if (keyword.isPresent() && from.isPresent()) {
                        if (OptOuts.STOP.contains(keyword.get())) {
                            optOuts.add(from.get(), keyword.get());
                        } else {
                            optOuts.remove(from.get());
                        }
                        return;
                    }
                    record.ifPresent(r -> events.publishEvent(new ReplyReceived(
                            TenantContext.require(),
                            channel,
                            r.type(),
                            r.id(),
                            stored.get().id())));
                }));
    }

    private void inTenant(Call call, String which, Runnable work) {
        Tenant tenant = tenants.findBySlug(call.tenantSlug())
                .orElseThrow(() -> new Problem(404, "not-found", "Not found", "There is no such workspace"));
        TenantContext.runAs(tenant.getId(), () -> {
            Optional<Duration> wait = limiter.tryAcquire(RateLimit.PER_TENANT, "twilio-callbacks:" + tenant.getId());
            if (wait.isPresent()) {
                throw Problem.tooManyRequests(
                        "rate-limited",
                        "Too many requests",
                        "The workspace's Twilio callbacks reached their limit; try again after the time in"
                                + " Retry-After",
                        wait.get());
            }
            Optional<TwilioAccount> account = tx.execute(s -> settings.account());
            String refusal = null;
            if (account.isEmpty()) {
                refusal = "the workspace has no Twilio account set up";
            } else if (!TwilioSignatures.valid(
                    account.get().authToken(), call.url(), call.params(), call.signature())) {
                refusal = call.signature() == null ? "no X-Twilio-Signature" : "a wrong X-Twilio-Signature";
            } else if (!account.get().accountSid().equals(call.params().get("AccountSid"))) {
                refusal = "another Twilio account";
            }
            if (refusal != null) {
                securityEvents.callbackRejected("Twilio " + which + " callback refused: " + refusal);
                throw new Problem(
                        403,
                        "bad-signature",
                        "Forbidden",
                        "The request does not carry Twilio's valid signature for this workspace");
            }
            work.run();
        });
    }

    /** A lead or contact with the number, through the indexed duplicate keys (the number's last 8 digits). */
    private record Match(String type, UUID id) {}

    private Optional<Match> recordWithNumber(String e164) {
        String key = Phones.lookupKey(e164);
        List<UUID> contacts = new ArrayList<>();
        List<UUID> leads = new ArrayList<>();
        jdbc.query(
                "SELECT record_type, record_id FROM duplicate_keys WHERE kind = 'phone' AND key = ?"
                        + " AND record_type IN ('contact', 'lead') LIMIT 50",
                rs -> {
                    (rs.getString(1).equals("contact") ? contacts : leads).add(rs.getObject(2, UUID.class));
                },
                key);
        if (!contacts.isEmpty()) {
            List<UUID> matching = jdbc.query(
                    "SELECT id, phone, phones FROM contacts WHERE id = ANY (?) AND deleted_at IS NULL"
                            + " ORDER BY updated_at DESC",
                    (rs, n) -> numbers(rs.getString(2), rs.getArray(3)).contains(e164)
                            ? rs.getObject(1, UUID.class)
                            : null,
                    (Object) contacts.toArray(UUID[]::new));
            Optional<UUID> contact =
                    matching.stream().filter(java.util.Objects::nonNull).findFirst();
            if (contact.isPresent()) {
                return Optional.of(new Match("contact", contact.get()));
            }
        }
        if (!leads.isEmpty()) {
            record Lead(UUID id, boolean converted) {}
            return jdbc
                    .query(
                            "SELECT id, phone, country, status FROM leads WHERE id = ANY (?) AND deleted_at IS NULL"
                                    + " ORDER BY updated_at DESC",
                            (rs, n) -> Phones.e164(rs.getString(2), rs.getString(3))
                                    .filter(e164::equals)
                                    .map(x -> {
                                        try {
                                            return new Lead(
                                                    rs.getObject(1, UUID.class), "converted".equals(rs.getString(4)));
                                        } catch (SQLException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    })
                                    .orElse(null),
                            (Object) leads.toArray(UUID[]::new))
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .min(Comparator.comparing(Lead::converted))
                    .map(l -> new Match("lead", l.id()));
        }
        return Optional.empty();
    }

    private static List<String> numbers(String phone, Array phones) throws SQLException {
        List<String> all = new ArrayList<>();
        if (phone != null) {
            all.add(phone);
        }
        if (phones != null) {
            for (Object o : (Object[]) phones.getArray()) {
                all.add((String) o);
            }
        }
        return all;
    }

    private static Integer errorCode(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
