package io.salesflow.deal.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.salesflow.deal.PipelineDefinition;
import io.salesflow.deal.PipelineView;
import io.salesflow.deal.Pipelines;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pipelines and their stages: read with {@code deals:read}, configured with {@code tenant:manage}. */
@RestController
@RequestMapping("/api/v1/pipelines")
@Tag(name = "Pipelines")
class PipelineController {

    private final Pipelines pipelines;

    PipelineController(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    record PipelineRequest(
            @NotBlank @Size(max = 100) String name,
            @JsonProperty("isDefault") Boolean isDefault,
            Boolean archived,
            @NotNull @Size(max = 50) List<@Valid @NotNull StageRequest> stages,
            Boolean wonRequiresSignature) {}

    record StageRequest(
            UUID id,
            @NotBlank @Size(max = 100) String name,
            @NotNull @Min(0) @Max(100) Integer probability,
            boolean closed,
            boolean won,
            Boolean requiresApproval) {}

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    List<PipelineView> list() {
        return pipelines.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    ResponseEntity<PipelineView> get(@PathVariable UUID id) {
        PipelineView pipeline = pipelines.get(id);
        return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(pipeline);
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A pipeline with this name exists")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(
            summary = "Create a pipeline with its stages in order; an open stage with requiresApproval holds deals"
                    + " until their approval")
    ResponseEntity<PipelineView> create(@Valid @RequestBody PipelineRequest request) {
        PipelineView pipeline = pipelines.create(definition(request));
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.id()))
                .eTag(ETags.of(pipeline.version()))
                .body(pipeline);
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "A pipeline with this name exists, or deals are in a stage the change removes")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(
            summary = "Replace name, settings and stages: stages sent with their id are kept, without are added,"
                    + " left out are removed (409 while deals are in them); a stage's requiresApproval left out"
                    + " stays as it is; send If-Match with the ETag")
    ResponseEntity<PipelineView> change(
            @PathVariable UUID id,
            @Valid @RequestBody PipelineRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        PipelineView pipeline = pipelines.change(id, definition(request), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(pipeline);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The default pipeline, or one deals use")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Delete a pipeline no deal uses (409 otherwise: archive it instead)")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        pipelines.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static PipelineDefinition definition(PipelineRequest r) {
        return new PipelineDefinition(
                r.name(),
                r.isDefault(),
                r.archived(),
                r.stages().stream()
                        .map(s -> new PipelineDefinition.Stage(
                                s.id(), s.name(), s.probability(), s.closed(), s.won(), s.requiresApproval()))
                        .toList(),
                r.wonRequiresSignature());
    }
}
