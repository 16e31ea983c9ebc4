package io.salesflow.duplicate.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.duplicate.DuplicateSettings;
import io.salesflow.duplicate.DuplicateSettingsService;
import io.salesflow.duplicate.Duplicates;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review queue of duplicate pairs, and the tenant's duplicate settings ({@code tenant:manage}). */
@RestController
@RequestMapping("/api/v1/duplicates")
@Validated
@Tag(name = "Duplicates")
class DuplicateQueueController {

    private final Duplicates duplicates;
    private final DuplicateSettingsService settings;

    DuplicateQueueController(Duplicates duplicates, DuplicateSettingsService settings) {
        this.duplicates = duplicates;
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Open pairs found when records were created, most similar first: type=lead|contact|account")
    CursorPage<Duplicates.Pair> queue(
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return duplicates.queue(type, cursor, limit);
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Mark a pair as no duplicate; needs the right to change both records")
    Duplicates.Pair dismiss(@PathVariable UUID id) {
        return duplicates.dismiss(id);
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('tenant:manage')")
    ResponseEntity<DuplicateSettings> settings() {
        DuplicateSettings current = settings.get();
        return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current);
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Replace the settings (fields left out take their defaults); send If-Match with the ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = DuplicateSettingsInput.class)))
    ResponseEntity<DuplicateSettings> replaceSettings(
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        DuplicateSettings saved = settings.replace(body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
    }

    /** The body of a replace: fields left out take their defaults. */
    record DuplicateSettingsInput(
            Double personNameThreshold,
            Double companyNameThreshold,
            Double candidateThreshold,
            java.util.Map<String, Boolean> signals,
            Boolean gmailDots,
            Boolean plusTags,
            String defaultRegion) {}
}
