package io.salesflow.savedview.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.savedview.SavedView;
import io.salesflow.savedview.SavedView.SavedViewState;
import io.salesflow.savedview.SavedViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Saved list views: anyone who may read a record type keeps views of its list and sees those shared with them. */
@RestController
@RequestMapping("/api/v1/saved-views")
@Tag(name = "Saved views")
@Validated
class SavedViewController {

    private final SavedViews views;

    SavedViewController(SavedViews views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Your views of recordType's list and those shared with you, by name")
    CursorPage<SavedView> list(
            @RequestParam String recordType,
            @RequestParam(defaultValue = "100") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return views.list(recordType, cursor, limit);
    }

    @GetMapping("/{id}")
    ResponseEntity<SavedView> get(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), views.get(id));
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "You have a view of this list with this name")
    @ApiResponse(responseCode = "422", description = "The state names fields the record type lacks, or too many")
    @Operation(summary = "Save a view: recordType, name, state, visibility (private, team, workspace), defaultView")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = SavedViewInput.class)))
    ResponseEntity<SavedView> create(@RequestBody ObjectNode body) {
        SavedView created = views.create(body);
        return withETag(ResponseEntity.created(URI.create("/api/v1/saved-views/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "You have a view of this list with this name")
    @ApiResponse(responseCode = "422", description = "The state names fields the record type lacks, or too many")
    @Operation(
            summary = "Change name, state, visibility or defaultView (those sent); owner or org admin; send If-Match")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = SavedViewChange.class)))
    ResponseEntity<SavedView> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), views.change(id, body, ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a view; owner or org admin; send If-Match")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        views.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/default")
    @Operation(summary = "Open your list of the view's record type with this view (yours or one shared with you)")
    ResponseEntity<SavedView> makeDefault(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), views.makeDefault(id, true));
    }

    @DeleteMapping("/{id}/default")
    @Operation(summary = "Stop opening your list with this view")
    ResponseEntity<SavedView> clearDefault(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), views.makeDefault(id, false));
    }

    private static ResponseEntity<SavedView> withETag(ResponseEntity.BodyBuilder builder, SavedView view) {
        return builder.eTag(ETags.of(view.version())).body(view);
    }

    /** The body that saves a view. */
    record SavedViewInput(
            String recordType, String name, SavedViewState state, String visibility, Boolean defaultView) {}

    /** The parts of a view to change. */
    record SavedViewChange(String name, SavedViewState state, String visibility, Boolean defaultView) {}
}
