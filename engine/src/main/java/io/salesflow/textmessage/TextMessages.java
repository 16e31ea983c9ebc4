package io.salesflow.textmessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.outbox.Outbox;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Text message use cases for the calling user. Messages take their access from their lead or contact: reading
 * needs the record to be live and readable, sending needs it to be changeable. A send is stored as queued with its
 * outbox row in one transaction; the {@code sms} channel sends it after the commit.
 */
@Service
public class TextMessages {

    static final String CHANNEL = "sms";
    private static final Set<String> FIELDS =
            Set.of("recordType", "recordId", "channel", "body", "contentSid", "contentVariables");
    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-f]{32}");

    private final Map<String, RecordType> types = new HashMap<>();
    private final RecordQueries records;
    private final TextMessageRepository messages;
    private final TwilioSettingsStore settings;
    private final OptOuts optOuts;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    TextMessages(
            List<RecordType> types,
            RecordQueries records,
            TextMessageRepository messages,
            TwilioSettingsStore settings,
            OptOuts optOuts,
            Outbox outbox,
            JdbcTemplate jdbc) {
        types.stream()
                .filter(t -> t.name().equals("lead") || t.name().equals("contact"))
                .forEach(t -> this.types.put(t.name(), t));
        this.records = records;
        this.messages = messages;
        this.settings = settings;
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** What to send: to a lead or contact, by SMS or WhatsApp, a text or a WhatsApp template. */
    public record SendTextMessageInput(
            String recordType,
            UUID recordId,
            String channel,
            String body,
            String contentSid,
            Map<String, String> contentVariables) {}

    /**
     * Queues a message to the record's phone number. Refused: bad input (400, per field), a record the caller
     * may not read (404) or change (403), no usable number (422), a number on the opt-out list (409), Twilio not
     * set up for the channel (409).
     */
    @Transactional
    public TextMessage send(ObjectNode body) {
        SendTextMessageInput input = read(body);
        RecordType type = types.get(input.recordType());
        Caller caller = Caller.require();
        if (!records.isLive(type, input.recordId(), caller)) {
            throw recordNotFound(type, input.recordId());
        }
        if (!records.isWritable(type, input.recordId(), caller)) {
            throw Problem.forbidden("Your role does not allow texting this " + type.name());
        }
        String to = phoneOf(type, input.recordId(), caller);
        if (optOuts.contains(to)) {
            throw new Problem(
                            409,
                            "opted-out",
                            "The number opted out",
                            to + " asked for no more text messages (it texted STOP); it gets none until it texts"
                                    + " START")
                    .with("phone", to);
        }
        return queue(type, input, to, caller.userId());
    }

    /**
     * For a process (the {@code sendSms} and {@code sendWhatsApp} process beans): queues a message to the lead or
     * contact the process is about, as the process's own action, in the engine's transaction. Answers empty when
     * the number is on the opt-out list (nothing is queued); refuses like {@link #send} otherwise.
     *
     * @param content {@code body}, or {@code contentSid} and {@code contentVariables}, as in the API
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<TextMessage> sendForProcess(String recordType, UUID recordId, String channel, ObjectNode content) {
        ObjectNode body = content.deepCopy();
        body.put("recordType", recordType);
        body.put("recordId", recordId == null ? null : recordId.toString());
        body.put("channel", channel);
        SendTextMessageInput input = read(body);
        RecordType type = types.get(input.recordType());
        String to = phoneOfRecord(type, input.recordId());
        if (optOuts.contains(to)) {
            return Optional.empty();
        }
        return Optional.of(queue(type, input, to, null));
    }

    private TextMessage queue(RecordType type, SendTextMessageInput input, String to, UUID sentBy) {
        TwilioAccount account = settings.account()
                .filter(a -> a.sends(input.channel()))
                .orElseThrow(() -> new Problem(
                        409,
                        "twilio-not-configured",
                        "Text messages are not set up",
                        "An admin has to enter the workspace's Twilio account and a "
                                + ("whatsapp".equals(input.channel()) ? "WhatsApp sender" : "sender number")
                                + " (Settings, Twilio) first"));
        TextMessage queued = messages.insert(new TextMessage(
                UUID.randomUUID(),
                "outbound",
                input.channel(),
                TextStatus.QUEUED,
                null,
                to,
                sender(account, input.channel()),
                input.body(),
                input.contentSid(),
                input.contentVariables(),
                type.name(),
                input.recordId(),
                sentBy,
                null,
                null,
                null,
                null));
        outbox.enqueue(CHANNEL, queued.id(), queued.id().toString());
        return queued;
    }

    /** A record's messages, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<TextMessage> list(String recordType, UUID recordId, String cursor, int limit) {
        List<FieldError> errors = new ArrayList<>();
        if (recordType == null || !types.containsKey(recordType)) {
            errors.add(new FieldError("recordType", "must be lead or contact"));
        }
        if (recordId == null) {
            errors.add(new FieldError("recordId", "is required"));
        }
        invalidIf(errors);
        RecordType type = types.get(recordType);
        if (!records.isLive(type, recordId, Caller.require())) {
            throw recordNotFound(type, recordId);
        }
        Position after = Position.decode(cursor);
        List<TextMessage> page = messages.ofRecord(
                recordType, recordId, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        return CursorPage.of(page, limit, m -> m.createdAt() + "|" + m.id());
    }

    /**
     * One message: within access to its record; a message from a number no record has is for those who manage
     * the workspace.
     */
    @Transactional(readOnly = true)
    public TextMessage get(UUID id) {
        TextMessage message = messages.find(id).orElseThrow(() -> Problem.notFound("Text message", id));
        Caller caller = Caller.require();
        boolean readable = message.recordType() == null
                ? caller.can("tenant:manage")
                : records.isLive(types.get(message.recordType()), message.recordId(), caller);
        if (!readable) {
            throw Problem.notFound("Text message", id);
        }
        return message;
    }

    /** The opt-out list, newest first (admins). */
    @Transactional(readOnly = true)
    public CursorPage<TextOptOut> optOuts(String cursor, int limit) {
        String key = CursorPage.decode(cursor);
        Instant at = null;
        String phone = null;
        if (key != null) {
            int bar = key.indexOf('|');
            try {
                at = TimeRange.check("cursor", Instant.parse(key.substring(0, bar)));
                phone = key.substring(bar + 1);
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
        }
        return CursorPage.of(optOuts.page(at, phone, limit + 1), limit, o -> o.optedOutAt() + "|" + o.phone());
    }

    private String phoneOf(RecordType type, UUID id, Caller caller) {
        Map<String, Object> record =
                records.get(type, id, caller, List.of()).orElseThrow(() -> recordNotFound(type, id));
        return phone(type, record.get("phone"), record.get("country") instanceof String c ? c : null);
    }

    /** The phone of a live record, whoever asks (a process acting on its own record). */
    private String phoneOfRecord(RecordType type, UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "lead".equals(type.name())
                        ? "SELECT phone, country FROM leads WHERE id = ? AND deleted_at IS NULL"
                        : "SELECT phone, NULL AS country FROM contacts WHERE id = ? AND deleted_at IS NULL",
                id);
        if (rows.isEmpty()) {
            throw recordNotFound(type, id);
        }
        return phone(type, rows.get(0).get("phone"), (String) rows.get(0).get("country"));
    }

    private static String phone(RecordType type, Object raw, String region) {
        if (raw == null) {
            throw unprocessable("The " + type.name() + " has no phone number");
        }
        return Phones.e164(raw.toString(), region)
                .orElseThrow(() -> unprocessable("The " + type.name() + "'s phone number '" + raw
                        + "' is not a valid number"
                        + (region == null ? " (a national number needs the record's country)" : "")));
    }

    private static Problem unprocessable(String message) {
        return new Problem(
                422,
                "validation",
                "No number to text",
                "recordId: " + message,
                List.of(new FieldError("recordId", message)));
    }

    static String sender(TwilioAccount account, String channel) {
        if ("whatsapp".equals(channel)) {
            return account.whatsappFrom() != null ? account.whatsappFrom() : account.messagingServiceSid();
        }
        return account.messagingServiceSid() != null ? account.messagingServiceSid() : account.fromNumber();
    }

    private SendTextMessageInput read(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError(f, "is not a field of a text message"));
            }
        });
        String recordType = text(body, "recordType", errors);
        if (recordType == null || !types.containsKey(recordType)) {
            errors.add(new FieldError("recordType", "must be lead or contact"));
        }
        UUID recordId = null;
        String id = text(body, "recordId", errors);
        try {
            recordId = id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (recordId == null || !recordId.toString().equalsIgnoreCase(id)) {
            errors.add(new FieldError("recordId", "must be the id (a UUID) of the lead or contact"));
        }
        String channel = text(body, "channel", errors);
        if (!"sms".equals(channel) && !"whatsapp".equals(channel)) {
            errors.add(new FieldError("channel", "must be sms or whatsapp"));
        }
        String text = text(body, "body", errors);
        if (text != null && (text.isBlank() || text.length() > 1600)) {
            errors.add(new FieldError("body", "must have 1 to 1600 characters"));
        }
        String contentSid = text(body, "contentSid", errors);
        if (contentSid != null && !CONTENT_SID.matcher(contentSid).matches()) {
            errors.add(new FieldError("contentSid", "must be a Content Template SID: HX and 32 hex digits"));
        }
        Map<String, String> variables = variables(body.get("contentVariables"), errors);
        if ("sms".equals(channel)) {
            if (text == null && !hasField(errors, "body")) {
                errors.add(new FieldError("body", "is required for an SMS"));
            }
            if (contentSid != null) {
                errors.add(new FieldError("contentSid", "is for WhatsApp templates; an SMS has a body"));
            }
        }
        if ("whatsapp".equals(channel)
                && (text == null) == (contentSid == null)
                && !hasField(errors, "body")
                && !hasField(errors, "contentSid")) {
            errors.add(new FieldError(
                    "contentSid", "or body: a WhatsApp message is a template (contentSid) or a text, one of them"));
        }
        if (variables != null && contentSid == null && !hasField(errors, "contentSid")) {
            errors.add(new FieldError("contentVariables", "go with a contentSid"));
        }
        invalidIf(errors);
        return new SendTextMessageInput(recordType, recordId, channel, text, contentSid, variables);
    }

    private static Map<String, String> variables(JsonNode v, List<FieldError> errors) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject() || v.size() > 20) {
            errors.add(new FieldError("contentVariables", "must be an object of at most 20 variables"));
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        var fields = v.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (e.getKey().isEmpty()
                    || e.getKey().length() > 40
                    || !e.getValue().isTextual()
                    || e.getValue().asText().length() > 1024) {
                errors.add(
                        new FieldError("contentVariables." + e.getKey(), "must be a text of at most 1024 characters"));
                return null;
            }
            vars.put(e.getKey(), e.getValue().asText());
        }
        return vars;
    }

    private static boolean hasField(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return v.asText();
    }

    private static void invalidIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }

    private static Problem recordNotFound(RecordType type, UUID id) {
        return Problem.notFound(
                Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1), id);
    }

    /** Where a page of a record's messages ends. */
    private record Position(Instant at, UUID id) {

        static Position decode(String cursor) {
            String key = CursorPage.decode(cursor);
            if (key == null) {
                return null;
            }
            int bar = key.indexOf('|');
            try {
                return new Position(
                        TimeRange.check("cursor", Instant.parse(key.substring(0, bar))),
                        UUID.fromString(key.substring(bar + 1)));
            } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
        }
    }
}
