package io.salesflow.email;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.outbox.Outbox;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.RecordAccess;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordType;
import io.salesflow.records.SqlPart;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending and reading emails. A send writes the email (status {@code queued}, its Message-ID made now, once) and its
 * outbox row in one transaction; the {@link EmailChannel} delivers it after the commit.
 */
@Service
public class Emails {

    /** The outbox channel emails leave through. */
    public static final String CHANNEL = "email";

    static final List<String> SENDABLE = List.of("lead", "contact");
    static final List<String> RECORD_TYPES = List.of("lead", "contact", "deal", "account");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final EmailStore store;
    private final EmailSettingsStore settings;
    private final Suppressions suppressions;
    private final EmailTemplates templates;
    private final Outbox outbox;
    private final RecordQueries records;
    private final Map<String, RecordType> types;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Emails(
            EmailStore store,
            EmailSettingsStore settings,
            Suppressions suppressions,
            EmailTemplates templates,
            Outbox outbox,
            RecordQueries records,
            List<RecordType> types,
            JdbcTemplate jdbc,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.suppressions = suppressions;
        this.templates = templates;
        this.outbox = outbox;
        this.records = records;
        this.types = types.stream().collect(Collectors.toMap(RecordType::name, Function.identity()));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What to send: to a lead or contact (its email address unless {@code to} names another), written out or from a
     * template with the caller's variables.
     */
    public record SendEmail(
            String recordType,
            UUID recordId,
            String to,
            List<String> cc,
            String subject,
            String text,
            String html,
            UUID templateId,
            Map<String, String> variables) {}

    /** Queues an email from the caller about a record they may send messages about. */
    @Transactional
    public EmailView send(SendEmail request) {
        Caller caller = Caller.require();
        EmailSettings sender = configured();
        RecordType type = types.get(request.recordType());
        Map<String, Object> record = records.get(type, request.recordId(), caller, List.of())
                .orElseThrow(() -> Problem.notFound(capitalized(request.recordType()), request.recordId()));
        if (!maySend(type, request.recordId(), caller)) {
            throw Problem.forbidden("Your role does not allow sending email about this " + request.recordType());
        }
        String to = request.to() != null ? request.to() : Body.address((String) record.get("email"));
        if (to == null) {
            throw new Problem(
                    422,
                    "no-email-address",
                    "No address to send to",
                    "This " + request.recordType() + " has no email address; give one in 'to'",
                    List.of(new FieldError(
                            "to", "is required: the " + request.recordType() + " has no email address")));
        }
        refuseSuppressed(to, request.cc());
        Content content;
        if (request.templateId() != null) {
            content = templates.render(
                    request.templateId(), templates.context(record, caller.userId(), sender, request.variables()));
        } else {
            content = new Content(request.subject(), request.text(), request.html(), null, null);
        }
        return queue(sender, to, request.cc(), content, request.recordType(), request.recordId(), caller.userId());
    }

    /**
     * A file to send with an email (a contract, an invoice): at most {@value #MAX_FILES} per email and
     * {@value #MAX_FILE_BYTES} bytes in all. Kept with the email, so every delivery carries the same files.
     *
     * @param filename the name the recipient sees: no path, no control characters
     * @param contentType a MIME type such as {@code application/pdf}
     */
    public record EmailAttachment(String filename, String contentType, byte[] content) {

        public EmailAttachment {
            if (filename == null
                    || filename.isBlank()
                    || filename.length() > 200
                    || filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
                throw new IllegalArgumentException(
                        "An attachment's name must be 1 to 200 characters without a path or control characters");
            }
            if (contentType == null || !contentType.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                throw new IllegalArgumentException("An attachment needs a MIME type such as application/pdf");
            }
            if (content == null || content.length == 0) {
                throw new IllegalArgumentException("An attachment cannot be empty");
            }
        }

        EmailView.AttachedFile described() {
            return new EmailView.AttachedFile(filename, contentType, content.length);
        }
    }

    static final int MAX_FILES = 20;
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** A template rendered for a record the caller may read, as a send would render it now. */
    @Transactional(readOnly = true)
    public Content preview(UUID templateId, String recordType, UUID recordId, Map<String, String> variables) {
        Caller caller = Caller.require();
        Map<String, Object> record = records.get(types.get(recordType), recordId, caller, List.of())
                .orElseThrow(() -> Problem.notFound(capitalized(recordType), recordId));
        return templates.render(
                templateId,
                templates.context(record, caller.userId(), settings.find(false).orElse(null), variables));
    }

    /**
     * Queues a template for a process's lead or contact (no caller: the process acts for the record's owner, who
     * is also the template's sender). Empty when nothing was queued because the address is suppressed or missing,
     * with the reason; a missing template or variable fails the process step (its incident says why).
     */
    @Transactional
    public ProcessSend sendForProcess(
            String recordType, UUID recordId, UUID templateId, Map<String, String> variables) {
        return sendForProcess(recordType, recordId, templateId, variables, List.of());
    }

    /**
     * As {@link #sendForProcess(String, UUID, UUID, Map)}, with files attached (an invoice, a signed contract).
     *
     * @throws IllegalArgumentException when there are more than {@value #MAX_FILES} files or more than
     *     {@value #MAX_FILE_BYTES} bytes in all (the step's incident says so)
     */
    @Transactional
    public ProcessSend sendForProcess(
            String recordType,
            UUID recordId,
            UUID templateId,
            Map<String, String> variables,
            List<EmailAttachment> attachments) {
        if (attachments.size() > MAX_FILES
                || attachments.stream().mapToLong(file -> file.content().length).sum() > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("An email carries at most " + MAX_FILES + " files and "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB in all");
        }
        if (!SENDABLE.contains(recordType)) {
            throw new IllegalArgumentException("Emails go to leads and contacts, not to a " + recordType);
        }
        EmailSettings sender = configured();
        Map<String, Object> record = recordValues(types.get(recordType), recordId)
                .orElseThrow(() -> Problem.notFound(capitalized(recordType), recordId));
        String to = Body.address((String) record.get("email"));
        if (to == null) {
            return new ProcessSend(null, "no-address");
        }
        if (!suppressions.suppressed(List.of(to)).isEmpty()) {
            return new ProcessSend(null, "suppressed");
        }
        Object owner = record.get("ownerId");
        UUID ownerId = owner == null ? null : UUID.fromString(owner.toString());
        Content content = templates.render(templateId, templates.context(record, ownerId, sender, variables));
        return new ProcessSend(
                queue(sender, to, List.of(), content, recordType, recordId, null, attachments)
                        .id(),
                "queued");
    }

    /** Whether the workspace's sender settings are saved, so that a send can queue anything. */
    @Transactional(readOnly = true)
    public boolean isConfigured() {
        return settings.find(false).isPresent();
    }

    /** What a process step queued: the email, or why none. */
    public record ProcessSend(UUID emailId, String status) {}

    /** A live record's fields by their API names, read without a caller (for processes). */
    private java.util.Optional<Map<String, Object>> recordValues(RecordType type, UUID id) {
        return jdbc
                .query(
                        "SELECT to_jsonb(r)::text FROM " + type.table() + " r WHERE r.id = ? AND r.deleted_at IS NULL",
                        (rs, i) -> rs.getString(1),
                        id)
                .stream()
                .findFirst()
                .map(json -> {
                    try {
                        Map<String, Object> columns = new com.fasterxml.jackson.databind.ObjectMapper()
                                .readValue(
                                        json,
                                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
                        Map<String, Object> fields = new java.util.LinkedHashMap<>();
                        columns.forEach((column, value) -> fields.put(camel(column), value));
                        return fields;
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** Queues a test message from the saved settings to an admin's address, about no record. */
    @Transactional
    public EmailView sendTest(String to) {
        EmailSettings sender = configured();
        refuseSuppressed(to, List.of());
        Content content = new Content(
                "Salesflow test email",
                "This is a test email from Salesflow: your workspace's sender settings work.",
                null,
                null,
                null);
        return queue(
                sender, to, List.of(), content, null, null, Caller.require().userId());
    }

    /** The rendered or written parts of an email, and the template version it came from. */
    record Content(String subject, String text, String html, UUID templateId, Integer templateVersion) {}

    private EmailView queue(
            EmailSettings sender,
            String to,
            List<String> cc,
            Content content,
            String recordType,
            UUID recordId,
            UUID createdBy) {
        return queue(sender, to, cc, content, recordType, recordId, createdBy, List.of());
    }

    private EmailView queue(
            EmailSettings sender,
            String to,
            List<String> cc,
            Content content,
            String recordType,
            UUID recordId,
            UUID createdBy,
            List<EmailAttachment> attachments) {
        UUID id = UUID.randomUUID();
        String messageId = "<" + id + "@" + sender.messageIdDomain() + ">";
        EmailStore.Email email = new EmailStore.Email(
                id,
                "outbound",
                "queued",
                messageId,
                null,
                List.of(),
                token(),
                sender.fromAddress(),
                sender.fromName(),
                List.of(to),
                cc,
                content.subject(),
                content.text(),
                content.html(),
                recordType,
                recordId,
                content.templateId(),
                content.templateVersion(),
                null,
                null,
                0,
                null,
                createdBy,
                EmailView.Tracking.NONE,
                attachments.stream().map(EmailAttachment::described).toList());
        Instant now = clock.instant();
        store.insert(email, now);
        store.insertFiles(id, attachments);
        outbox.enqueue(CHANNEL, id, messageId);
        return store.find(id).orElseThrow().view();
    }

    private EmailSettings configured() {
        return settings.find(false)
                .orElseThrow(() -> new Problem(
                        409,
                        "email-not-configured",
                        "Email is not set up",
                        "An admin must save the workspace's sender settings (PUT /api/v1/settings/email) first"));
    }

    private void refuseSuppressed(String to, List<String> cc) {
        List<String> all = new ArrayList<>(cc);
        all.add(to);
        Set<String> suppressed = suppressions.suppressed(all);
        if (suppressed.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (suppressed.contains(to)) {
            errors.add(new FieldError("to", to + " is on the suppression list (unsubscribed, bounced or blocked)"));
        }
        for (int i = 0; i < cc.size(); i++) {
            if (suppressed.contains(cc.get(i))) {
                errors.add(new FieldError(
                        "cc[" + i + "]", cc.get(i) + " is on the suppression list (unsubscribed, bounced or blocked)"));
            }
        }
        throw new Problem(
                422,
                "email-suppressed",
                "Address suppressed",
                "No email is sent to " + String.join(", ", suppressed) + ": the address is on the suppression list",
                errors);
    }

    /** Whether the caller's {@code messages:write} scope covers the record (owner, team, all). */
    private boolean maySend(RecordType type, UUID id, Caller caller) {
        SqlPart predicate = RecordAccess.predicate(caller, "messages:write", "r");
        if (predicate == null) {
            return false;
        }
        if (caller.scopeOf("messages:write").orElse(null) == Scope.ALL) {
            return true;
        }
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(predicate.params());
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM " + type.table() + " r WHERE r.id = ? AND (" + predicate.sql() + ")",
                Integer.class,
                params.toArray());
        return n != null && n > 0;
    }

    /** One email, when the caller may read the record it belongs to (or, about no record, created it or admins). */
    @Transactional(readOnly = true)
    public EmailView get(UUID id) {
        Caller caller = Caller.require();
        EmailStore.Email email =
                store.find(id).filter(e -> mayRead(e, caller)).orElseThrow(() -> Problem.notFound("Email", id));
        return email.view();
    }

    private boolean mayRead(EmailStore.Email email, Caller caller) {
        if (email.recordType() == null) {
            return caller.userId().equals(email.createdBy()) || caller.can("tenant:manage");
        }
        return records.isVisible(types.get(email.recordType()), email.recordId(), caller);
    }

    /** A record's emails, newest first, when the caller may read the record. */
    @Transactional(readOnly = true)
    public CursorPage<EmailView> ofRecord(String recordType, UUID recordId, String cursor, int limit) {
        Caller caller = Caller.require();
        if (!records.isVisible(types.get(recordType), recordId, caller)) {
            throw Problem.notFound(capitalized(recordType), recordId);
        }
        Instant afterAt = null;
        UUID afterId = null;
        String key = CursorPage.decode(cursor);
        if (key != null) {
            String[] parts = key.split("\\|", -1);
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                afterAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
        }
        CursorPage<EmailStore.Email> page = store.ofRecord(recordType, recordId, afterAt, afterId, limit);
        return new CursorPage<>(
                page.items().stream().map(EmailStore.Email::view).toList(), page.nextCursor());
    }

    static String capitalized(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static String token() {
        char[] token = new char[26];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(token);
    }
}
