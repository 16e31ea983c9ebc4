package io.salesflow.scoring.web;

import io.salesflow.platform.web.ETags;
import io.salesflow.scoring.RuleSetInput;
import io.salesflow.scoring.RuleSetViews;
import io.salesflow.scoring.ScoringRuleSets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scoring rule sets and previews, for whoever may change scoring rules ({@code rules:manage}). */
@RestController
@RequestMapping("/api/v1/scoring")
@Tag(name = "Lead scoring")
@PreAuthorize("hasAuthority('rules:manage')")
class RuleSetController {

    private final ScoringRuleSets ruleSets;

    RuleSetController(ScoringRuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    record PreviewRequest(UUID leadId, UUID ruleSetId, RuleSetInput ruleSet) {}

    @GetMapping("/rule-sets")
    @Operation(summary = "Every version of the scoring rules, newest first, without their content")
    List<RuleSetViews.Summary> list() {
        return ruleSets.list();
    }

    @GetMapping("/rule-sets/{id}")
    @Operation(summary = "A version with its rules and DRL (generated from the rules, or as uploaded)")
    ResponseEntity<RuleSetViews.Detail> get(@PathVariable UUID id) {
        RuleSetViews.Detail set = ruleSets.get(id);
        return ResponseEntity.ok().eTag(ETags.of(set.revision())).body(set);
    }

    @PostMapping("/rule-sets")
    @Operation(
            summary = "A new draft under the next version: {name, kind: data, thresholds, rules} or"
                    + " {name, kind: drl, thresholds, drl}")
    ResponseEntity<RuleSetViews.Detail> create(@RequestBody RuleSetInput input) {
        RuleSetViews.Detail set = ruleSets.create(input);
        return ResponseEntity.created(
                        URI.create("/api/v1/scoring/rule-sets/" + set.summary().id()))
                .eTag(ETags.of(set.revision()))
                .body(set);
    }

    @PatchMapping("/rule-sets/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The version is no draft")
    @Operation(summary = "Change a draft: name, thresholds, rules or drl (what is left out stays); send If-Match")
    ResponseEntity<RuleSetViews.Detail> change(
            @PathVariable UUID id,
            @RequestBody RuleSetInput input,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RuleSetViews.Detail set = ruleSets.change(id, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(set.revision())).body(set);
    }

    @PostMapping("/rule-sets/{id}/validate")
    @Operation(summary = "Compile the version: whether it would activate, else each problem with rule, line, message")
    RuleSetViews.Validation validate(@PathVariable UUID id) {
        return ruleSets.validate(id);
    }

    @PostMapping("/rule-sets/{id}/activate")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The version changed while it compiled")
    @Operation(
            summary = "Make the version active (a draft, or a retired one again) and rescore every lead in the"
                    + " background; 422 with the problems when it does not compile")
    RuleSetViews.Activation activate(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ruleSets.activate(id, ifMatch);
    }

    @PostMapping("/rule-sets/{id}/rollback")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The version is not active, or none came before it")
    @Operation(summary = "Roll the active version back to the one active before it, and rescore every lead")
    RuleSetViews.Activation rollback(@PathVariable UUID id) {
        return ruleSets.rollback(id);
    }

    @PostMapping("/preview")
    @Operation(
            summary = "Score a lead with a saved version (ruleSetId) or an inline draft (ruleSet) without saving"
                    + " anything")
    RuleSetViews.Preview preview(@RequestBody PreviewRequest request) {
        return ruleSets.preview(request.leadId(), request.ruleSetId(), request.ruleSet());
    }
}
