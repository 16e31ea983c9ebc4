package io.salesflow.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.email.EmailTemplates.EmailTemplateView;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email templates: read by whoever sends email, changed by admins and marketing. A change saves a new version;
 * the ETag is the current version.
 */
@RestController
@RequestMapping("/api/v1/email-templates")
@Tag(name = "Email")
@Validated
class EmailTemplateController {

    private static final String MANAGE = "hasAnyAuthority('tenant:manage', 'campaigns:manage')";
    private static final String READ = "hasAnyAuthority('messages:write', 'tenant:manage', 'campaigns:manage')";
    static final int MAX_PART = 200_000;

    private final EmailTemplates templates;
    private final Emails emails;
    private final AuditLog audit;

    EmailTemplateController(EmailTemplates templates, Emails emails, AuditLog audit) {
        this.templates = templates;
        this.emails = emails;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "Templates, oldest first, a page at a time, each at its current version")
    CursorPage<EmailTemplateView> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return templates.list(cursor, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    @Operation(summary = "A template at its current version, or at an earlier one")
    ResponseEntity<EmailTemplateView> get(
            @PathVariable UUID id, @RequestParam(required = false) @Min(1) Integer version) {
        EmailTemplates.Stored stored = (version == null ? templates.current(id) : templates.version(id, version))
                .orElseThrow(() -> Problem.notFound("Email template", id));
        return ResponseEntity.ok().eTag(ETags.of(stored.currentVersion())).body(stored.view());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Create a template (version 1); unknown variables are refused")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another template has this name")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = EmailTemplateInput.class)))
    ResponseEntity<EmailTemplateView> create(@RequestBody JsonNode json) {
        Named input = read(json);
        EmailTemplateView created = templates.create(input.name(), input.parts());
        audit.record("email_template.created", "email_template", created.id(), null, created);
        return ResponseEntity.created(URI.create("/api/v1/email-templates/" + created.id()))
                .eTag(ETags.of(created.currentVersion()))
                .body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Save a new version of a template; send If-Match with the ETag")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another template has this name")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = EmailTemplateInput.class)))
    ResponseEntity<EmailTemplateView> update(
            @PathVariable UUID id,
            @RequestBody JsonNode json,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Named input = read(json);
        Integer expected = null;
        if (ETags.isConditional(ifMatch)) {
            int current = templates
                    .current(id)
                    .orElseThrow(() -> Problem.notFound("Email template", id))
                    .currentVersion();
            ETags.check(ifMatch, current);
            expected = current;
        }
        EmailTemplateView saved = templates.update(id, input.name(), input.parts(), expected);
        audit.record("email_template.changed", "email_template", id, null, saved);
        return ResponseEntity.ok().eTag(ETags.of(saved.currentVersion())).body(saved);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Archive a template: it is no longer offered; emails sent from it keep their version")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        templates.archive(id);
        audit.record("email_template.archived", "email_template", id, null, null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/preview")
    @PreAuthorize(READ)
    @Operation(summary = "Render the template's current version for a lead or contact, with variables")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = TemplatePreviewInput.class)))
    EmailPreview preview(@PathVariable UUID id, @RequestBody JsonNode json) {
        Body body = new Body(json, Set.of("recordType", "recordId", "variables"));
        String recordType = body.choice("recordType", true, Emails.SENDABLE);
        UUID recordId = body.uuid("recordId", true);
        Map<String, String> variables = body.stringMap("variables", 50, 2000);
        body.check();
        Emails.Content content = emails.preview(id, recordType, recordId, variables);
        return new EmailPreview(content.subject(), content.text(), content.html(), content.templateVersion());
    }

    private record Named(String name, EmailTemplates.Parts parts) {}

    private static Named read(JsonNode json) {
        Body body = new Body(json, Set.of("name", "subject", "html", "text"));
        String name = body.line("name", true, 200);
        String subject = body.line("subject", true, 998);
        String html = body.text("html", false, MAX_PART);
        String text = body.text("text", false, MAX_PART);
        if (html == null && text == null && !body.has("html") && !body.has("text")) {
            body.error("text", "is required unless html is given");
        }
        body.check();
        EmailTemplates.Parts parts = new EmailTemplates.Parts(subject, html, text);
        List<FieldError> errors = new ArrayList<>();
        EmailTemplates.check(parts, errors);
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        return new Named(name, parts);
    }

    /** A template: subject, HTML and/or text, with {{record.*}}, {{owner.*}}, {{sender.*}} and {{vars.*}}. */
    record EmailTemplateInput(
            @Schema(maxLength = 200, example = "Demo follow-up", requiredMode = Schema.RequiredMode.REQUIRED)
                    String name,
            @Schema(
                            maxLength = 998,
                            example = "Your demo, {{record.firstName}}",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String subject,
            @Schema(maxLength = MAX_PART, example = "<p>Hello {{record.firstName}}</p>") String html,
            @Schema(maxLength = MAX_PART, example = "Hello {{record.firstName}}") String text) {}

    /** The record to render a template for, and the template's vars.* values. */
    record TemplatePreviewInput(
            @Schema(
                            allowableValues = {"lead", "contact"},
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String recordType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID recordId,
            Map<String, String> variables) {}

    /** A template rendered for a record. */
    record EmailPreview(String subject, String text, String html, Integer templateVersion) {}
}
