package io.salesflow.duplicate.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.duplicate.Duplicates;
import io.salesflow.duplicate.RecordMerges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The duplicates of a lead, contact or account, and merging records of one of those types. */
@RestController
@Validated
@Tag(name = "Duplicates")
class RecordDuplicatesController {

    private final Duplicates duplicates;
    private final RecordMerges merges;

    RecordDuplicatesController(Duplicates duplicates, RecordMerges merges) {
        this.duplicates = duplicates;
        this.merges = merges;
    }

    @GetMapping("/api/v1/{collection:leads|contacts|accounts}/{id}/duplicates")
    @Operation(summary = "Records that look like this one, with the similarity (0-1) and the reasons, best first")
    Map<String, List<Duplicates.Candidate>> duplicates(
            @PathVariable String collection,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return Map.of("items", duplicates.of(collection, id, limit));
    }

    @PostMapping("/api/v1/{collection:leads|contacts|accounts}/merge")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A record to merge was merged or deleted meanwhile")
    @Operation(
            summary = "Merge records into a survivor: {survivorId, mergedIds, fields: {field: id of the record whose"
                    + " value wins}}; all or nothing")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MergeInput.class)))
    RecordMerges.Result merge(@PathVariable String collection, @RequestBody ObjectNode body) {
        return merges.merge(collection, body);
    }

    /** fields: for each field, the id of the record whose value the survivor keeps. */
    record MergeInput(UUID survivorId, List<UUID> mergedIds, Map<String, UUID> fields) {}
}
