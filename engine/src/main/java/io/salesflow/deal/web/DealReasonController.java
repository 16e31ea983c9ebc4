package io.salesflow.deal.web;

import io.salesflow.deal.DealReasonView;
import io.salesflow.deal.DealReasons;
import io.salesflow.deal.ReasonDefinition;
import io.salesflow.deal.ReasonKind;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Won and lost reasons: read with {@code deals:read}, configured with {@code tenant:manage}. */
@RestController
@RequestMapping("/api/v1/deal-reasons")
@Tag(name = "Deal reasons")
class DealReasonController {

    private final DealReasons reasons;

    DealReasonController(DealReasons reasons) {
        this.reasons = reasons;
    }

    record ReasonRequest(
            @NotNull ReasonKind kind,
            @NotBlank @Size(max = 100) String label,
            Boolean active,
            @Min(0) Integer position) {}

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "Won reasons, then lost reasons, each in order; kind=WON or LOST for one list")
    List<DealReasonView> list(@RequestParam(required = false) ReasonKind kind) {
        return reasons.list(kind);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    ResponseEntity<DealReasonView> get(@PathVariable UUID id) {
        DealReasonView reason = reasons.get(id);
        return ResponseEntity.ok().eTag(ETags.of(reason.version())).body(reason);
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A reason of this kind with this label exists")
    @PreAuthorize("hasAuthority('tenant:manage')")
    ResponseEntity<DealReasonView> create(@Valid @RequestBody ReasonRequest request) {
        DealReasonView reason = reasons.create(definition(request));
        return ResponseEntity.created(URI.create("/api/v1/deal-reasons/" + reason.id()))
                .eTag(ETags.of(reason.version()))
                .body(reason);
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A reason of this kind with this label exists")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Change label, order or whether it is offered (active); the kind stays; send If-Match")
    ResponseEntity<DealReasonView> change(
            @PathVariable UUID id,
            @Valid @RequestBody ReasonRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        DealReasonView reason = reasons.change(id, definition(request), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(reason.version())).body(reason);
    }

    private static ReasonDefinition definition(ReasonRequest r) {
        return new ReasonDefinition(r.kind(), r.label(), r.active(), r.position());
    }
}
