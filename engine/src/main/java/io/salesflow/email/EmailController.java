package io.salesflow.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emails of the records a caller may read, and sending one to a lead or contact. */
@RestController
@RequestMapping("/api/v1/emails")
@Tag(name = "Email")
@Validated
class EmailController {

    private static final Set<String> FIELDS =
            Set.of("recordType", "recordId", "to", "cc", "subject", "text", "html", "templateId", "variables");
    static final int MAX_BODY = 200_000;

    private final Emails emails;

    EmailController(Emails emails) {
        this.emails = emails;
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The workspace has no email sender set up yet (email-not-configured)")
    @PreAuthorize("hasAuthority('messages:write')")
    @Operation(
            summary = "Send an email to a lead or contact: written out (subject and text and/or html) or from a"
                    + " template with variables. It is queued with the change and sent right after; honours"
                    + " Idempotency-Key")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = SendEmailInput.class)))
    ResponseEntity<EmailView> send(@RequestBody JsonNode json) {
        Body body = new Body(json, FIELDS);
        String recordType = body.choice("recordType", true, Emails.SENDABLE);
        UUID recordId = body.uuid("recordId", true);
        String to = body.address("to", false);
        List<String> cc = body.addresses("cc", 20);
        UUID templateId = body.uuid("templateId", false);
        Map<String, String> variables = body.stringMap("variables", 50, 2000);
        String subject = null;
        String text = null;
        String html = null;
        if (templateId != null) {
            for (String part : List.of("subject", "text", "html")) {
                if (body.has(part)) {
                    body.error(part, "must be left out when a template is given");
                }
            }
        } else {
            subject = body.line("subject", true, 500);
            text = body.text("text", false, MAX_BODY);
            html = body.text("html", false, MAX_BODY);
            if (text == null && html == null && !body.has("text") && !body.has("html")) {
                body.error("text", "is required unless html or a templateId is given");
            }
            if (body.has("variables")) {
                body.error("variables", "are only used with a templateId");
            }
        }
        body.check();
        EmailView sent = emails.send(
                new Emails.SendEmail(recordType, recordId, to, cc, subject, text, html, templateId, variables));
        return ResponseEntity.created(URI.create("/api/v1/emails/" + sent.id())).body(sent);
    }

    @GetMapping
    @Operation(summary = "A record's emails, newest first, a page at a time")
    CursorPage<EmailView> list(
            @RequestParam String recordType,
            @RequestParam String recordId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (!Emails.RECORD_TYPES.contains(recordType)) {
            throw Problem.invalid("recordType", "must be one of " + String.join(", ", Emails.RECORD_TYPES));
        }
        UUID id;
        try {
            id = UUID.fromString(recordId);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("recordId", "must be a UUID");
        }
        return emails.ofRecord(recordType, id, cursor, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One email, when you may read the record it belongs to")
    EmailView get(@PathVariable UUID id) {
        return emails.get(id);
    }

    /** An email to send: subject with text and/or html, or a templateId with variables. */
    record SendEmailInput(
            @Schema(
                            allowableValues = {"lead", "contact"},
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String recordType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID recordId,
            @Schema(description = "Defaults to the record's email address", example = "ada@analytical.example")
                    String to,
            List<String> cc,
            @Schema(maxLength = 500, example = "Your demo next week") String subject,
            @Schema(maxLength = MAX_BODY) String text,
            @Schema(maxLength = MAX_BODY) String html,
            UUID templateId,
            @Schema(description = "Values of the template's vars.* variables") Map<String, String> variables) {}
}
