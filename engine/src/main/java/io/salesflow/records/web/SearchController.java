package io.salesflow.records.web;

import io.salesflow.identity.Caller;
import io.salesflow.records.RecordSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Global search over the records the caller may read. */
@RestController
@Tag(name = "Search")
@Validated
class SearchController {

    private final RecordSearch search;

    SearchController(RecordSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Find records by words, tolerating typos; best matches first")
    Map<String, List<RecordSearch.Hit>> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String types,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
        List<String> only = types == null || types.isBlank() ? List.of() : Arrays.asList(types.split(","));
        return Map.of("items", search.search(q, only, limit, Caller.require()));
    }
}
