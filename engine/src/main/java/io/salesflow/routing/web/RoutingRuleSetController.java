package io.salesflow.routing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.web.ETags;
import io.salesflow.routing.RoutingRuleSets;
import io.salesflow.routing.RuleSetInput;
import io.salesflow.routing.RuleSetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Routing rule set versions: drafts, validation, activation and rollback; all with {@code rules:manage}. */
@RestController
@RequestMapping("/api/v1/routing/rule-sets")
@Tag(name = "Lead routing")
@PreAuthorize("hasAuthority('rules:manage')")
class RoutingRuleSetController {

    private final RoutingRuleSets ruleSets;

    RoutingRuleSetController(RoutingRuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping
    @Operation(summary = "Every version, newest first")
    List<RuleSetView> list() {
        return ruleSets.list();
    }

    @GetMapping("/{id}")
    ResponseEntity<RuleSetView> get(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), ruleSets.get(id));
    }

    @PostMapping
    @Operation(
            summary = "Save {unassignedQueue, rules} as the next version, a draft; 422 with the problems if it"
                    + " does not compile")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = io.salesflow.rules.routing.RoutingRuleSet.class)))
    ResponseEntity<RuleSetView> create(@RequestBody JsonNode body) {
        RuleSetView created = ruleSets.create(RuleSetInput.read(body));
        return withETag(ResponseEntity.created(URI.create("/api/v1/routing/rule-sets/" + created.id())), created);
    }

    @PostMapping("/validate")
    @Operation(summary = "Compile {unassignedQueue, rules} without saving: the DRL, or 422 with the problems")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = io.salesflow.rules.routing.RoutingRuleSet.class)))
    RoutingRuleSets.RoutingValidation validate(@RequestBody JsonNode body) {
        return ruleSets.validate(RuleSetInput.read(body));
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The version is no draft")
    @Operation(summary = "Replace a draft's rules; send If-Match")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = io.salesflow.rules.routing.RoutingRuleSet.class)))
    ResponseEntity<RuleSetView> change(
            @PathVariable UUID id,
            @RequestBody JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), ruleSets.change(id, RuleSetInput.read(body), ifMatch));
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The version is no draft")
    @Operation(summary = "Delete a draft")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ruleSets.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Make a draft or retired version the active one; the active one is retired")
    ResponseEntity<RuleSetView> activate(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), ruleSets.activate(id, ifMatch));
    }

    @PostMapping("/rollback")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "No earlier version to roll back to")
    @Operation(summary = "Activate again the version that was active before the current one")
    ResponseEntity<RuleSetView> rollback() {
        return withETag(ResponseEntity.ok(), ruleSets.rollback());
    }

    private static ResponseEntity<RuleSetView> withETag(ResponseEntity.BodyBuilder builder, RuleSetView view) {
        return builder.eTag(ETags.of(view.version())).body(view);
    }
}
