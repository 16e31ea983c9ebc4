package io.salesflow.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.email.EmailSettings.EmailSettingsView;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's sender settings, for admins ({@code tenant:manage}): the SMTP password is write-only (sealed at
 * rest, answered as {@code passwordSet}).
 */
@RestController
@RequestMapping("/api/v1/settings/email")
@Tag(name = "Email")
@PreAuthorize("hasAuthority('tenant:manage')")
class EmailSettingsController {

    private static final Set<String> FIELDS = Set.of(
            "smtpHost",
            "smtpPort",
            "smtpSecurity",
            "smtpUsername",
            "smtpPassword",
            "fromAddress",
            "fromName",
            "replyDomain",
            "ratePerMinute");

    private final EmailSettingsStore store;
    private final Emails emails;
    private final AuditLog audit;

    EmailSettingsController(EmailSettingsStore store, Emails emails, AuditLog audit) {
        this.store = store;
        this.emails = emails;
        this.audit = audit;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "The sender settings (configured: false until an admin saves them)")
    ResponseEntity<EmailSettingsView> get() {
        return store.find(false)
                .map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(s.view()))
                .orElseGet(() -> ResponseEntity.ok(EmailSettingsView.NONE));
    }

    @PutMapping
    @Transactional
    @Operation(
            summary = "Replace the sender settings; smtpPassword left out keeps the stored one, null removes it."
                    + " Send If-Match with the ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = EmailSettingsInput.class)))
    ResponseEntity<EmailSettingsView> replace(
            @RequestBody JsonNode json, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EmailSettings before = store.find(true).orElse(null);
        ETags.check(ifMatch, before == null ? 0 : before.version());
        Body body = new Body(json, FIELDS);
        String host = body.host("smtpHost", true);
        Integer port = body.integer("smtpPort", true, 1, 65535);
        String security = body.choice("smtpSecurity", true, EmailSettings.SECURITY);
        String username = body.line("smtpUsername", false, 254);
        String password =
                body.has("smtpPassword") && !body.isNull("smtpPassword") ? body.line("smtpPassword", true, 500) : null;
        String from = body.address("fromAddress", true);
        String fromName = body.line("fromName", false, 200);
        String replyDomain = body.host("replyDomain", false);
        Integer rate = body.integer("ratePerMinute", true, 1, 10000);
        body.check();
        byte[] sealed;
        if (!body.has("smtpPassword")) {
            sealed = before == null ? null : before.sealedPassword();
        } else {
            sealed = password == null ? null : store.seal(password);
        }
        if (username == null) {
            sealed = null;
        }
        store.save(
                new EmailSettings(host, port, security, username, sealed, from, fromName, replyDomain, rate, 0, null));
        EmailSettings after = store.find(false).orElseThrow();
        audit.record(
                "email_settings.changed",
                "email_settings",
                TenantContext.require(),
                before == null ? null : before.view(),
                after.view());
        return ResponseEntity.ok().eTag(ETags.of(after.version())).body(after.view());
    }

    @PostMapping("/test")
    @Transactional
    @Operation(summary = "Queue a test email from the saved settings to an address; follow it at /api/v1/emails/{id}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = TestEmailInput.class)))
    ResponseEntity<EmailView> test(@RequestBody JsonNode json) {
        Body body = new Body(json, Set.of("to"));
        String to = body.address("to", true);
        body.check();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(emails.sendTest(to));
    }

    /** Sender settings; smtpPassword is write-only. */
    record EmailSettingsInput(
            @Schema(example = "smtp.example.com", requiredMode = Schema.RequiredMode.REQUIRED) String smtpHost,
            @Schema(example = "587", minimum = "1", maximum = "65535", requiredMode = Schema.RequiredMode.REQUIRED)
                    Integer smtpPort,
            @Schema(
                            allowableValues = {"none", "starttls", "ssl_tls"},
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String smtpSecurity,
            @Schema(example = "sales@acme.example") String smtpUsername,
            @Schema(description = "Write-only; left out keeps the stored password, null removes it")
                    String smtpPassword,
            @Schema(example = "sales@acme.example", requiredMode = Schema.RequiredMode.REQUIRED) String fromAddress,
            @Schema(example = "Acme Sales") String fromName,
            @Schema(example = "replies.acme.example", description = "Replies go to reply+<token>@<replyDomain>")
                    String replyDomain,
            @Schema(example = "60", minimum = "1", maximum = "10000", requiredMode = Schema.RequiredMode.REQUIRED)
                    Integer ratePerMinute) {}

    record TestEmailInput(
            @Schema(example = "me@acme.example", requiredMode = Schema.RequiredMode.REQUIRED) String to) {}
}
