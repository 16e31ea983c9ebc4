package io.salesflow.routing.web;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.routing.AssignmentView;
import io.salesflow.routing.LeadAssignments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who a lead went to and why, reassigning it by hand, and the leads routing could not place. */
@RestController
@Tag(name = "Lead routing")
@Validated
class LeadAssignmentController {

    private final LeadAssignments assignments;

    LeadAssignmentController(LeadAssignments assignments) {
        this.assignments = assignments;
    }

    record ReassignRequest(@NotNull UUID ownerId, UUID teamId, @NotBlank @Size(max = 1000) String reason) {}

    @GetMapping("/api/v1/leads/{id}/assignments")
    @Operation(summary = "The lead's assignments with their explanation (rule, candidates, reason), newest first")
    Map<String, List<AssignmentView>> list(@PathVariable UUID id) {
        return Map.of("items", assignments.of(id));
    }

    @PostMapping("/api/v1/leads/{id}/reassign")
    @Operation(summary = "Give the lead to ownerId (and teamId) with a reason; needs write access to the lead")
    AssignmentView reassign(
            @PathVariable UUID id,
            @Valid @RequestBody ReassignRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return assignments.reassign(id, request.ownerId(), request.teamId(), request.reason(), ifMatch);
    }

    @GetMapping("/api/v1/routing/unassigned")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "Leads routing could not place and nobody has taken since, newest first, that you may read")
    CursorPage<LeadAssignments.UnassignedLead> unassigned(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return assignments.unassigned(CursorPage.decodeLong(cursor), limit);
    }
}
