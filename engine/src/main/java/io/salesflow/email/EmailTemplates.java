package io.salesflow.email;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned email templates rendered with Mustache (jmustache: logic-less, so a template runs no code). The HTML part
 * is HTML-escaped and may not use unescaped variables; subject and text are plain. Variables are checked when a
 * template is saved: {@code record.*} (the lead's or contact's fields), {@code owner.*} (the record's owner),
 * {@code sender.*} (who sends) and {@code vars.*} (given with each send); a {@code vars.*} missing at a send or
 * preview is a 422 naming it.
 */
@Service
public class EmailTemplates {

    static final List<String> RECORD_FIELDS = List.of(
            "name",
            "firstName",
            "lastName",
            "company",
            "title",
            "email",
            "phone",
            "website",
            "industry",
            "country",
            "region",
            "language",
            "productInterest",
            "status");
    static final List<String> PERSON_FIELDS = List.of("name", "email");
    static final List<String> SENDER_FIELDS = List.of("name", "email", "fromAddress", "fromName");

    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true);
    private static final Mustache.Compiler PLAIN = Mustache.compiler().escapeHTML(false);

    private final JdbcTemplate jdbc;

    EmailTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A template's parts. */
    public record Parts(String subject, String html, String text) {}

    /** A template at one version, as the API shows it. */
    public record EmailTemplateView(
            UUID id,
            String name,
            int version,
            int currentVersion,
            String subject,
            String html,
            String text,
            List<String> variables,
            Instant createdAt,
            Instant updatedAt) {}

    /** Checks a template's parts: they compile, use known variables only, and the HTML escapes every variable. */
    static void check(Parts parts, List<FieldError> errors) {
        variables(parts, errors);
    }

    /** The variables a template uses, each checked; errors name the part. */
    static Set<String> variables(Parts parts, List<FieldError> errors) {
        Set<String> names = new LinkedHashSet<>();
        checkPart("subject", parts.subject(), PLAIN, names, errors);
        checkPart("text", parts.text(), PLAIN, names, errors);
        if (parts.html() != null
                && (parts.html().contains("{{{") || parts.html().contains("{{&"))) {
            errors.add(new FieldError("html", "must not use unescaped variables ({{{name}}} or {{&name}})"));
        } else {
            checkPart("html", parts.html(), HTML, names, errors);
        }
        return names;
    }

    private static void checkPart(
            String field, String source, Mustache.Compiler compiler, Set<String> names, List<FieldError> errors) {
        if (source == null) {
            return;
        }
        Template template;
        try {
            template = compiler.compile(source);
        } catch (MustacheException e) {
            errors.add(new FieldError(field, "is not a valid template: " + e.getMessage()));
            return;
        }
        List<String> problems = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {
                check(name);
            }

            @Override
            public boolean visitInclude(String name) {
                problems.add("includes no other template ({{> " + name + "}})");
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                check(name);
                return true;
            }

            private void check(String name) {
                if (name.equals(".") || name.equals("this")) {
                    return;
                }
                String known = known(name);
                if (known != null) {
                    problems.add(known);
                } else {
                    names.add(name);
                }
            }
        });
        problems.stream().distinct().forEach(p -> errors.add(new FieldError(field, p)));
    }

    /** Null when {@code name} is a variable templates may use; else why not. */
    private static String known(String name) {
        int dot = name.indexOf('.');
        String root = dot < 0 ? name : name.substring(0, dot);
        String field = dot < 0 ? "" : name.substring(dot + 1);
        boolean ok =
                switch (root) {
                    case "record" -> RECORD_FIELDS.contains(field);
                    case "owner" -> PERSON_FIELDS.contains(field);
                    case "sender" -> SENDER_FIELDS.contains(field);
                    case "vars" -> field.matches("^[A-Za-z][A-Za-z0-9_]{0,63}$");
                    default -> false;
                };
        return ok
                ? null
                : "uses the unknown variable {{" + name + "}}: use record." + String.join("|record.", RECORD_FIELDS)
                        + ", owner.name|email, sender.name|email|fromAddress|fromName or vars.<name>";
    }

    /** The variables a record, its owner and the sender give a template, and the caller's {@code vars}. */
    Map<String, Object> context(
            Map<String, Object> record, UUID senderId, EmailSettings sender, Map<String, String> variables) {
        Map<String, Object> recordValues = new LinkedHashMap<>();
        for (String field : RECORD_FIELDS) {
            Object value = record.get(field);
            recordValues.put(field, value == null ? "" : value.toString());
        }
        String name = String.join(
                        " ",
                        List.of(
                                String.valueOf(recordValues.get("firstName")),
                                String.valueOf(recordValues.get("lastName"))))
                .strip();
        recordValues.put("name", name.isEmpty() ? recordValues.get("company") : name);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("record", recordValues);
        context.put("owner", person(record.get("ownerId")));
        Map<String, Object> senderValues = new LinkedHashMap<>(person(senderId));
        senderValues.put("fromAddress", sender == null ? "" : sender.fromAddress());
        senderValues.put("fromName", sender == null || sender.fromName() == null ? "" : sender.fromName());
        context.put("sender", senderValues);
        context.put("vars", variables == null ? Map.of() : variables);
        return context;
    }

    private Map<String, Object> person(Object userId) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("name", "", "email", ""));
        if (userId != null) {
            jdbc.query(
                    "SELECT display_name, email FROM users WHERE id = ?",
                    rs -> {
                        values.put("name", rs.getString(1));
                        values.put("email", rs.getString(2));
                    },
                    UUID.fromString(userId.toString()));
        }
        return values;
    }

    /** Renders the template's current version; a missing {@code vars.*} is a 422 naming it. */
    Emails.Content render(UUID templateId, Map<String, Object> context) {
        Stored stored = current(templateId).orElseThrow(() -> Problem.notFound("Email template", templateId));
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) context.get("vars");
        List<FieldError> missing = new ArrayList<>();
        for (String name : variables(stored.parts(), new ArrayList<>())) {
            if (name.startsWith("vars.") && !vars.containsKey(name.substring(5))) {
                missing.add(new FieldError(
                        "variables." + name.substring(5), "is required by template '" + stored.name() + "'"));
            }
        }
        if (!missing.isEmpty()) {
            throw new Problem(
                    422,
                    "template-variables-missing",
                    "Template variables missing",
                    "The template needs "
                            + missing.stream().map(FieldError::field).toList(),
                    missing);
        }
        Parts parts = stored.parts();
        return new Emails.Content(
                PLAIN.compile(parts.subject())
                        .execute(context)
                        .replaceAll("[\\r\\n]+", " ")
                        .strip(),
                parts.text() == null ? null : PLAIN.compile(parts.text()).execute(context),
                parts.html() == null ? null : HTML.compile(parts.html()).execute(context),
                templateId,
                stored.version());
    }

    record Stored(
            UUID id, String name, int version, int currentVersion, Parts parts, Instant createdAt, Instant updatedAt) {

        EmailTemplateView view() {
            return new EmailTemplateView(
                    id,
                    name,
                    version,
                    currentVersion,
                    parts.subject(),
                    parts.html(),
                    parts.text(),
                    List.copyOf(variables(parts, new ArrayList<>())),
                    createdAt,
                    updatedAt);
        }
    }

    private static final String SELECT =
            "SELECT t.id, t.name, t.current_version, t.created_at, t.updated_at, v.version, v.subject, v.body_html,"
                    + " v.body_text FROM email_templates t JOIN email_template_versions v"
                    + " ON v.tenant_id = t.tenant_id AND v.template_id = t.id";

    private List<Stored> query(String where, Object... params) {
        return jdbc.query(
                SELECT + " " + where,
                (rs, i) -> new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getInt("version"),
                        rs.getInt("current_version"),
                        new Parts(rs.getString("subject"), rs.getString("body_html"), rs.getString("body_text")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()),
                params);
    }

    /** Whether the id names a template of the workspace that is not archived: what a sequence step may send. */
    @Transactional(readOnly = true)
    public boolean usable(UUID id) {
        return id != null && current(id).isPresent();
    }

    Optional<Stored> current(UUID id) {
        return query("WHERE t.id = ? AND NOT t.archived AND v.version = t.current_version", id).stream()
                .findFirst();
    }

    Optional<Stored> version(UUID id, int version) {
        return query("WHERE t.id = ? AND NOT t.archived AND v.version = ?", id, version).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public CursorPage<EmailTemplateView> list(String cursor, int limit) {
        String after = CursorPage.decode(cursor);
        List<Stored> rows;
        if (after == null) {
            rows = query(
                    "WHERE NOT t.archived AND v.version = t.current_version ORDER BY t.created_at, t.id LIMIT ?",
                    limit + 1);
        } else {
            String[] parts = after.split("\\|", -1);
            Instant at;
            UUID id;
            try {
                at = Instant.parse(parts[0]);
                id = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
            rows = query(
                    "WHERE NOT t.archived AND v.version = t.current_version AND (t.created_at, t.id) > (?, ?)"
                            + " ORDER BY t.created_at, t.id LIMIT ?",
                    Timestamp.from(at),
                    id,
                    limit + 1);
        }
        CursorPage<Stored> page = CursorPage.of(rows, limit, s -> s.createdAt() + "|" + s.id());
        return new CursorPage<>(page.items().stream().map(Stored::view).toList(), page.nextCursor());
    }

    /** Whether the workspace has this template (not archived): other modules' settings may name one. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return current(id).isPresent();
    }

    @Transactional
    public EmailTemplateView create(String name, Parts parts) {
        refuseTakenName(name, null);
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO email_templates (id, name) VALUES (?, ?)", id, name);
        insertVersion(id, 1, parts);
        return current(id).orElseThrow().view();
    }

    /** Saves a new version (and the name); {@code expectedVersion} null accepts whatever is current. */
    @Transactional
    public EmailTemplateView update(UUID id, String name, Parts parts, Integer expectedVersion) {
        Integer current = jdbc
                .query(
                        "SELECT current_version FROM email_templates WHERE id = ? AND NOT archived FOR UPDATE",
                        (rs, i) -> rs.getInt(1),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Email template", id));
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new PreconditionFailed(ETags.of(current));
        }
        refuseTakenName(name, id);
        int next = current + 1;
        insertVersion(id, next, parts);
        jdbc.update(
                "UPDATE email_templates SET name = ?, current_version = ?, updated_at = now() WHERE id = ?",
                name,
                next,
                id);
        return current(id).orElseThrow().view();
    }

    @Transactional
    public void archive(UUID id) {
        if (jdbc.update("UPDATE email_templates SET archived = true WHERE id = ? AND NOT archived", id) == 0) {
            throw Problem.notFound("Email template", id);
        }
    }

    private void insertVersion(UUID id, int version, Parts parts) {
        jdbc.update(
                "INSERT INTO email_template_versions (template_id, version, subject, body_html, body_text, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                id,
                version,
                parts.subject(),
                parts.html(),
                parts.text(),
                Caller.current().map(Caller::userId).orElse(null));
    }

    private void refuseTakenName(String name, UUID except) {
        Integer taken = jdbc.queryForObject(
                "SELECT count(*) FROM email_templates WHERE lower(name) = lower(?) AND NOT archived"
                        + " AND id IS DISTINCT FROM CAST(? AS uuid)",
                Integer.class,
                name,
                except);
        if (taken != null && taken > 0) {
            throw new Problem(
                    409,
                    "conflict",
                    "Conflict",
                    "A template named '" + name + "' exists",
                    List.of(new FieldError("name", "is taken by another template")));
        }
    }
}
