package io.salesflow.contract;

import io.salesflow.audit.AuditLog;
import io.salesflow.email.EmailTemplates;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's contract templates. Saving one lays it out as PDF for a sample deal first, so a template that is
 * not well-formed XHTML, names an unknown variable or cannot be laid out is refused (422 on {@code body}) and never
 * stored; the email template its invitations use must exist.
 */
@Service
public class ContractTemplates {

    static final int MAX_BODY = 200_000;

    private final JdbcTemplate jdbc;
    private final ContractDocuments documents;
    private final EmailTemplates emailTemplates;
    private final AuditLog audit;

    ContractTemplates(JdbcTemplate jdbc, ContractDocuments documents, EmailTemplates emailTemplates, AuditLog audit) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.emailTemplates = emailTemplates;
        this.audit = audit;
    }

    /**
     * A template: {@code body} is XHTML with Mustache variables ({@code contract.title|date}, {@code
     * deal.name|amount|currency|expectedCloseDate|pipeline|stage|owner.name|owner.email}, {@code account.name},
     * {@code lineItems} with {@code position|product|description|quantity|unitPrice|discountPercent|total}, {@code
     * total}, {@code currency}, {@code signers} with {@code name|email}); {@code emailTemplateId}: the email template
     * invitations and reminders are sent with (its {@code vars.subject}, {@code vars.message}, {@code vars.link},
     * {@code vars.contractTitle}, {@code vars.expiresAt}).
     */
    public record ContractTemplateInput(String name, String body, UUID emailTemplateId) {}

    /** A template as the API shows it. */
    public record ContractTemplateView(
            UUID id,
            String name,
            String body,
            UUID emailTemplateId,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    @Transactional(readOnly = true)
    public CursorPage<ContractTemplateView> list(String cursor, int limit) {
        String after = CursorPage.decode(cursor);
        List<ContractTemplateView> rows;
        String select =
                "SELECT id, name, body, email_template_id, created_at, updated_at, version FROM contract_templates"
                        + " WHERE NOT archived";
        if (after == null) {
            rows = jdbc.query(select + " ORDER BY created_at, id LIMIT ?", (rs, i) -> view(rs), limit + 1);
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
            rows = jdbc.query(
                    select + " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
                    (rs, i) -> view(rs),
                    Timestamp.from(at),
                    id,
                    limit + 1);
        }
        return CursorPage.of(rows, limit, t -> t.createdAt() + "|" + t.id());
    }

    @Transactional(readOnly = true)
    public ContractTemplateView get(UUID id) {
        return find(id).orElseThrow(() -> Problem.notFound("Contract template", id));
    }

    Optional<ContractTemplateView> find(UUID id) {
        return jdbc
                .query(
                        "SELECT id, name, body, email_template_id, created_at, updated_at, version"
                                + " FROM contract_templates WHERE id = ? AND NOT archived",
                        (rs, i) -> view(rs),
                        id)
                .stream()
                .findFirst();
    }

    @Transactional
    public ContractTemplateView create(ContractTemplateInput input) {
        String name = check(input, null);
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO contract_templates (id, name, body, email_template_id, created_by) VALUES (?, ?, ?, ?, ?)",
                id,
                name,
                input.body(),
                input.emailTemplateId(),
                Caller.current().map(Caller::userId).orElse(null));
        audit.record("contract_template.created", "contract_template", id, null, Map.of("name", name));
        return get(id);
    }

    /** Saves a changed template; {@code expectedVersion} (from If-Match) null accepts whatever is stored. */
    @Transactional
    public ContractTemplateView update(UUID id, ContractTemplateInput input, Long expectedVersion) {
        ContractTemplateView current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new Problem(
                    412, "precondition-failed", "Changed meanwhile", "The template changed since you read it; reload");
        }
        String name = check(input, id);
        jdbc.update(
                "UPDATE contract_templates SET name = ?, body = ?, email_template_id = ?, updated_at = now(),"
                        + " version = version + 1 WHERE id = ?",
                name,
                input.body(),
                input.emailTemplateId(),
                id);
        audit.record(
                "contract_template.changed",
                "contract_template",
                id,
                Map.of("name", current.name()),
                Map.of("name", name));
        return get(id);
    }

    @Transactional
    public void archive(UUID id) {
        ContractTemplateView current = get(id);
        jdbc.update("UPDATE contract_templates SET archived = true, updated_at = now() WHERE id = ?", id);
        audit.record("contract_template.archived", "contract_template", id, Map.of("name", current.name()), null);
    }

    private String check(ContractTemplateInput input, UUID self) {
        if (input == null) {
            throw Problem.invalid("body", "is required");
        }
        String name = input.name() == null ? "" : input.name().trim();
        if (name.isEmpty() || name.length() > 120) {
            throw Problem.invalid("name", "must have 1 to 120 characters");
        }
        if (input.emailTemplateId() == null) {
            throw Problem.invalid("emailTemplateId", "is required: the email template invitations are sent with");
        }
        if (!emailTemplates.exists(input.emailTemplateId())) {
            throw Problem.invalid("emailTemplateId", "no email template " + input.emailTemplateId());
        }
        if (input.body() == null || input.body().isBlank()) {
            throw Problem.invalid("body", "is required: the contract's XHTML");
        }
        if (input.body().length() > MAX_BODY) {
            throw Problem.invalid("body", "must have at most " + MAX_BODY + " characters");
        }
        if (input.body().indexOf('\u0000') >= 0) {
            throw Problem.invalid("body", "must not contain NUL characters");
        }
        Integer taken = jdbc.queryForObject(
                "SELECT count(*) FROM contract_templates WHERE name = ? AND NOT archived AND id IS DISTINCT FROM ?",
                Integer.class,
                name,
                self);
        if (taken != null && taken > 0) {
            throw new Problem(409, "name-taken", "Name taken", "Another contract template is called '" + name + "'")
                    .with("field", "name");
        }
        documents.check("body", input.body());
        return name;
    }

    private static ContractTemplateView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ContractTemplateView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("body"),
                rs.getObject("email_template_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }
}
