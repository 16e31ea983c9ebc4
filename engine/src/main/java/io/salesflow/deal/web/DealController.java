package io.salesflow.deal.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.deal.Deals;
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

/** Deals over HTTP; the list takes the record query language (see docs/api.md). */
@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals")
@Validated
class DealController {

    private final Deals deals;

    DealController(Deals deals) {
        this.deals = deals;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "List deals: filter with field[op]=value, sort=-field,field, cursor, limit, fields, embed")
    CursorPage<Map<String, Object>> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return deals.list(ListQueryParser.parse(deals.type(), params));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID id, @RequestParam(required = false) String embed) {
        Map<String, Object> deal = deals.get(id, embed == null ? List.of() : Arrays.asList(embed.split(",")));
        return ResponseEntity.ok().eTag(ETags.of((Long) deal.get("version"))).body(deal);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('deals:write')")
    ResponseEntity<Map<String, Object>> create(@RequestBody ObjectNode body) {
        Map<String, Object> deal = deals.create(body);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.get("id")))
                .eTag(ETags.of((Long) deal.get("version")))
                .body(deal);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(
            summary = "Change fields (JSON merge patch: null clears a field); a new stageId or status moves, wins,"
                    + " loses, reopens or abandons the deal; send If-Match with the ETag")
    ResponseEntity<Map<String, Object>> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Map<String, Object> deal = deals.change(id, body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of((Long) deal.get("version"))).body(deal);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Delete; restorable within the restore window")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        deals.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAuthority('deals:write')")
    ResponseEntity<Map<String, Object>> restore(@PathVariable UUID id) {
        Map<String, Object> deal = deals.restore(id);
        return ResponseEntity.ok().eTag(ETags.of((Long) deal.get("version"))).body(deal);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "Field changes, newest first")
    CursorPage<FieldHistory.Change> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return deals.history(id, CursorPage.decodeLong(cursor), limit);
    }
}
