package io.salesflow.routing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.routing.RoutingPreview;
import io.salesflow.routing.RoutingPreviews;
import io.salesflow.routing.RuleSetInput;
import io.salesflow.rules.routing.RoutingRuleSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routing dry runs ("try on this lead"), for whoever may change routing rules ({@code rules:manage}). */
@RestController
@RequestMapping("/api/v1/routing")
@Tag(name = "Lead routing")
@PreAuthorize("hasAuthority('rules:manage')")
class RoutingPreviewController {

    private final RoutingPreviews previews;

    RoutingPreviewController(RoutingPreviews previews) {
        this.previews = previews;
    }

    record RoutingPreviewRequest(
            UUID leadId,
            UUID ruleSetId,
            @Schema(implementation = RoutingRuleSet.class, description = "an unsaved draft: {unassignedQueue, rules}")
                    JsonNode ruleSet) {}

    @PostMapping("/preview")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such lead (or rule set) that you may read")
    @ApiResponse(responseCode = "422", description = "The rule set does not compile: the problems, as validate")
    @Operation(
            summary = "Which rule, team and user a saved version (ruleSetId) or an inline draft (ruleSet) would give"
                    + " a lead, and why; assigns nothing and leaves the round robin where it is")
    RoutingPreview preview(@RequestBody RoutingPreviewRequest request) {
        RoutingRuleSet draft =
                request.ruleSet() == null || request.ruleSet().isNull() ? null : draft(request.ruleSet());
        return previews.preview(request.leadId(), request.ruleSetId(), draft);
    }

    /** The inline draft, its bad fields named from the request's root ({@code ruleSet.rules[0].team}). */
    private static RoutingRuleSet draft(JsonNode ruleSet) {
        try {
            return RuleSetInput.read(ruleSet);
        } catch (Problem p) {
            if (p.status() != 400 || p.fieldErrors().size() != 1) {
                throw p;
            }
            Problem.FieldError error = p.fieldErrors().get(0);
            String field = error.field().equals("body") ? "ruleSet" : "ruleSet." + error.field();
            throw new Problem(
                    400,
                    p.type(),
                    p.title(),
                    field + ": " + error.message(),
                    List.of(new Problem.FieldError(field, error.message())));
        }
    }
}
