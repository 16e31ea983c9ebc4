package io.salesflow.customfield.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.customfield.CustomFieldDefinitions;
import io.salesflow.customfield.CustomFieldView;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

/**
 * Custom field definitions: read with the read permission of their record type, defined with
 * {@code tenant:manage}.
 */
@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Custom fields")
class CustomFieldController {

    private final CustomFieldDefinitions definitions;

    CustomFieldController(CustomFieldDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping
    @Operation(summary = "Definitions by record type and position; recordType=lead for one type, archived=false")
    List<CustomFieldView> list(
            @RequestParam(required = false) String recordType, @RequestParam(required = false) Boolean archived) {
        return definitions.list(recordType, archived);
    }

    @GetMapping("/{id}")
    ResponseEntity<CustomFieldView> get(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), definitions.get(id));
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The record type has a field with this key")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(
            summary = "Define a field: recordType, key, label, type, options (picklist), lookupTarget (lookup),"
                    + " required, helpText, position")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = CustomFieldInput.class)))
    ResponseEntity<CustomFieldView> create(@RequestBody ObjectNode body) {
        CustomFieldView created = definitions.create(body);
        return withETag(ResponseEntity.created(URI.create("/api/v1/custom-fields/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Records still hold an option the change removes")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Change label, options, required, helpText, position or archived (merge patch); send If-Match")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = CustomFieldChange.class)))
    ResponseEntity<CustomFieldView> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), definitions.change(id, body, ifMatch));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Archive: no new values, records keep theirs")
    ResponseEntity<Void> archive(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        definitions.archive(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<CustomFieldView> withETag(ResponseEntity.BodyBuilder builder, CustomFieldView view) {
        return builder.eTag(ETags.of(view.version())).body(view);
    }

    /** The body that defines a field. */
    record CustomFieldInput(
            String recordType,
            String key,
            String label,
            String type,
            java.util.List<String> options,
            String lookupTarget,
            Boolean required,
            String helpText,
            Integer position) {}

    /** A merge patch of a field's definition. */
    record CustomFieldChange(
            String label,
            java.util.List<String> options,
            Boolean required,
            String helpText,
            Integer position,
            Boolean archived) {}
}
