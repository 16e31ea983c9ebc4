package io.salesflow.contact.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.contact.Contacts;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.ListQueryParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
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

/** Contacts over HTTP; the list takes the record query language (see docs/api.md). */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
@Validated
class ContactController {

    private final Contacts contacts;

    ContactController(Contacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('contacts:read')")
    @Operation(summary = "List contacts: filter with field[op]=value, sort=-field,field, cursor, limit, fields, embed")
    CursorPage<Map<String, Object>> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return contacts.list(ListQueryParser.parse(contacts.type(), params));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('contacts:read')")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID id, @RequestParam(required = false) String embed) {
        Map<String, Object> contact = contacts.get(id, embed == null ? List.of() : Arrays.asList(embed.split(",")));
        return ResponseEntity.ok().eTag(ETags.of((Long) contact.get("version"))).body(contact);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('contacts:write')")
    @Operation(
            summary =
                    "Create; national phone numbers need phoneRegion (not stored) or an account with a billing country")
    ResponseEntity<Map<String, Object>> create(@RequestBody ObjectNode body) {
        Map<String, Object> contact = contacts.create(body);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.get("id")))
                .eTag(ETags.of((Long) contact.get("version")))
                .body(contact);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('contacts:write')")
    @Operation(summary = "Change fields (JSON merge patch: null clears a field); send If-Match with the ETag")
    ResponseEntity<Map<String, Object>> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Map<String, Object> contact = contacts.change(id, body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of((Long) contact.get("version"))).body(contact);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('contacts:write')")
    @Operation(summary = "Delete; restorable within the restore window")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        contacts.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAuthority('contacts:write')")
    ResponseEntity<Map<String, Object>> restore(@PathVariable UUID id) {
        Map<String, Object> contact = contacts.restore(id);
        return ResponseEntity.ok().eTag(ETags.of((Long) contact.get("version"))).body(contact);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('contacts:read')")
    @Operation(summary = "Field changes, newest first")
    CursorPage<FieldHistory.Change> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return contacts.history(id, CursorPage.decodeLong(cursor), limit);
    }
}
