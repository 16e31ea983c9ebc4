package io.salesflow.mailbox.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.mailbox.InboundMailView;
import io.salesflow.mailbox.InboundMails;
import io.salesflow.mailbox.MailboxView;
import io.salesflow.mailbox.Mailboxes;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's IMAP mailboxes and the messages read from them (org admins: {@code tenant:manage}). */
@RestController
@RequestMapping("/api/v1/mailboxes")
@Tag(name = "Mailboxes")
@Validated
@PreAuthorize("hasAuthority('tenant:manage')")
class MailboxController {

    private final Mailboxes mailboxes;
    private final InboundMails mails;

    MailboxController(Mailboxes mailboxes, InboundMails mails) {
        this.mailboxes = mailboxes;
        this.mails = mails;
    }

    @GetMapping
    @Operation(summary = "The mailboxes, by name (their passwords are never shown)")
    List<MailboxView> list() {
        return mailboxes.list();
    }

    @PostMapping
    @Operation(
            summary = "Add a mailbox: name, host, port (993 with ssl, else 143), ssl (default true), username,"
                    + " password, folder (INBOX), purpose (replies or capture), enabled")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = MailboxSettings.class)))
    ResponseEntity<MailboxView> create(@RequestBody ObjectNode body) {
        MailboxView created = mailboxes.create(body);
        return ResponseEntity.created(URI.create("/api/v1/mailboxes/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<MailboxView> get(@PathVariable UUID id) {
        MailboxView mailbox = mailboxes.get(id);
        return ResponseEntity.ok().eTag(ETags.of(mailbox.version())).body(mailbox);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change the fields sent (the password only when one is sent); send If-Match. A new host,"
                    + " username or folder is read from its start")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = MailboxSettings.class)))
    ResponseEntity<MailboxView> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        MailboxView changed = mailboxes.change(id, body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        mailboxes.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Read the mailbox at the next poll instead of at its turn")
    ResponseEntity<Void> readSoon(@PathVariable UUID id) {
        mailboxes.readSoon(id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages read from the mailbox, newest first, and what became of each")
    CursorPage<InboundMailView> messages(
            @PathVariable UUID id,
            @RequestParam(required = false)
                    @Pattern(regexp = "RECEIVED|THREADED|LEAD_CREATED|MATCHED|IGNORED|QUARANTINED")
                    String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return mails.list(id, status, cursor, limit);
    }

    /** The body of a create or change. */
    record MailboxSettings(
            @Schema(example = "Sales replies") String name,
            @Schema(example = "imap.example.com") String host,
            @Schema(example = "993") Integer port,
            Boolean ssl,
            @Schema(example = "sales@example.com") String username,
            @Schema(example = "app-password-from-your-provider") String password,
            @Schema(example = "INBOX") String folder,
            @Schema(allowableValues = {"replies", "capture"}) String purpose,
            Boolean enabled) {}
}
