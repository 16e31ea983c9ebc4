package io.salesflow.records.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.ListQueryParser;
import io.salesflow.records.RecordService;
import io.salesflow.records.RecordType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HTTP face every record type shares; a record type's controller only names its path and service.
 * Permissions are checked by the record machinery itself (a missing read or write permission is a 403),
 * so they hold for every caller of the service, not only for this controller.
 */
@Validated
public abstract class RecordController {

    private final RecordService records;

    protected RecordController(RecordService records) {
        this.records = records;
    }

    @GetMapping
    @Operation(
            summary = "List: filter with field[op]=value (customFields.<key>[op]=value too), sort=-field,field, cursor,"
                    + " limit, fields, embed")
    public CursorPage<Map<String, Object>> list(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return records.list(ListQueryParser.parse(records.type(), records.customFields(), params));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> get(
            @PathVariable UUID id, @RequestParam(required = false) String embed) {
        return withETag(ResponseEntity.ok(), records.get(id, ListQueryParser.embeds(records.type(), embed)));
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody ObjectNode body, HttpServletRequest request) {
        // Refuse before reading the body: a caller who may not create gets 403, not advice on their fields.
        if (!Caller.require().can(records.type().writePermission())) {
            throw Problem.forbidden(
                    "Your role does not allow creating " + records.type().name() + " records");
        }
        Map<String, Object> created = records.create(body);
        return withETag(ResponseEntity.created(URI.create(request.getRequestURI() + "/" + created.get("id"))), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change fields (JSON merge patch: null clears a field); send If-Match with the ETag")
    public ResponseEntity<Map<String, Object>> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), records.change(id, body, ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete; restorable within the restore window")
    public ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        records.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The record is not deleted")
    public ResponseEntity<Map<String, Object>> restore(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), records.restore(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Field changes, newest first")
    public CursorPage<FieldHistory.Change> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return records.history(id, CursorPage.decodeLong(cursor), limit);
    }

    /**
     * Every record type has a timeline: what its {@link io.salesflow.records.TimelineSource}s say about it (for
     * accounts, contacts, leads and deals: activities and notes linked to it), and its own field changes.
     */
    @GetMapping("/{id}/timeline")
    @Operation(summary = "Activities, notes and field changes, newest first; cursor and limit page it")
    public CursorPage<Map<String, Object>> timeline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return records.timeline(id, cursor, limit);
    }

    RecordType recordType() {
        return records.type();
    }

    private static ResponseEntity<Map<String, Object>> withETag(
            ResponseEntity.BodyBuilder builder, Map<String, Object> record) {
        return builder.eTag(ETags.of((Long) record.get("version"))).body(record);
    }
}
