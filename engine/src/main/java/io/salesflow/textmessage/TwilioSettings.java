package io.salesflow.textmessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.connectors.twilio.TwilioProperties;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and replacing the workspace's Twilio settings (admins: {@code tenant:manage}). */
@Service
public class TwilioSettings {

    private static final Set<String> FIELDS =
            Set.of("accountSid", "authToken", "fromNumber", "messagingServiceSid", "whatsappFrom");
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");
    private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-f]{32}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern AUTH_TOKEN = Pattern.compile("[0-9A-Za-z]{16,128}");

    private final TwilioSettingsStore store;
    private final Tenants tenants;
    private final TwilioProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    TwilioSettings(
            TwilioSettingsStore store, Tenants tenants, TwilioProperties properties, AuditLog audit, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The view and its version (0 when nothing is stored yet). */
    public record Versioned(TwilioSettingsView view, long version) {}

    @Transactional(readOnly = true)
    public Versioned get() {
        return store.find()
                .map(s -> new Versioned(view(s), s.version()))
                .orElseGet(() -> new Versioned(
                        new TwilioSettingsView(
                                false, null, false, null, null, null, statusCallbackUrl(), inboundUrl(), null),
                        0));
    }

    /** Replaces the settings; {@code authToken} left out keeps the stored one. */
    @Transactional
    public Versioned replace(ObjectNode body, String ifMatch) {
        store.lock();
        var before = store.find();
        ETags.check(ifMatch, before.map(TwilioSettingsStore.Stored::version).orElse(0L));
        if (ETags.isConditional(ifMatch) && before.isEmpty()) {
            throw new PreconditionFailed(ETags.of(0));
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError(f, "is not a Twilio setting"));
            }
        });
        String account =
                text(body, "accountSid", ACCOUNT_SID, "must be your Account SID: AC and 32 hex digits", errors);
        if (account == null && !has(errors, "accountSid")) {
            errors.add(new FieldError("accountSid", "is required"));
        }
        String token = text(
                body,
                "authToken",
                AUTH_TOKEN,
                "must be your Auth Token as Twilio's console shows it (letters and digits)",
                errors);
        if (token == null && before.isEmpty() && !has(errors, "authToken")) {
            errors.add(new FieldError("authToken", "is required the first time"));
        }
        String from = text(body, "fromNumber", E164, "must be a number in E.164, such as +14155550100", errors);
        String service = text(
                body,
                "messagingServiceSid",
                SERVICE_SID,
                "must be a Messaging Service SID: MG and 32 hex digits",
                errors);
        String whatsapp = text(
                body,
                "whatsappFrom",
                Pattern.compile("whatsapp:\\+[1-9][0-9]{1,14}"),
                "must be a WhatsApp sender such as whatsapp:+14155550100",
                errors);
        if (from == null && service == null && !has(errors, "fromNumber") && !has(errors, "messagingServiceSid")) {
            errors.add(new FieldError("fromNumber", "or messagingServiceSid is required: who sends the messages"));
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        long version = store.save(
                account, token, from, service, whatsapp, Caller.require().userId(), clock.instant());
        TwilioSettingsStore.Stored after = store.find().orElseThrow();
        audit.record(
                "twilio_settings.changed",
                "twilio_settings",
                TenantContext.require(),
                before.map(TwilioSettings::snapshot).orElse(null),
                snapshot(after, token != null));
        return new Versioned(view(after), version);
    }

    String statusCallbackUrl() {
        return callbackBase() + "/status";
    }

    String inboundUrl() {
        return callbackBase() + "/inbound";
    }

    private String callbackBase() {
        String slug = tenants.findById(TenantContext.require()).orElseThrow().getSlug();
        return properties.publicBase() + "/hooks/" + slug + "/twilio";
    }

    private TwilioSettingsView view(TwilioSettingsStore.Stored s) {
        return new TwilioSettingsView(
                true,
                s.accountSid(),
                true,
                s.fromNumber(),
                s.messagingServiceSid(),
                s.whatsappFrom(),
                statusCallbackUrl(),
                inboundUrl(),
                s.updatedAt());
    }

    private static Map<String, Object> snapshot(TwilioSettingsStore.Stored s) {
        return snapshot(s, false);
    }

    private static Map<String, Object> snapshot(TwilioSettingsStore.Stored s, boolean tokenChanged) {
        Map<String, Object> m = new HashMap<>();
        m.put("accountSid", s.accountSid());
        m.put("fromNumber", s.fromNumber());
        m.put("messagingServiceSid", s.messagingServiceSid());
        m.put("whatsappFrom", s.whatsappFrom());
        if (tokenChanged) {
            m.put("authToken", "changed");
        }
        return m;
    }

    private static boolean has(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private static String text(
            ObjectNode body, String field, Pattern pattern, String message, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || !pattern.matcher(v.asText()).matches()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return v.asText();
    }
}
