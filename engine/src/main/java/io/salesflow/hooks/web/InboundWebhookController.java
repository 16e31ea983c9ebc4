package io.salesflow.hooks.web;

import io.salesflow.hooks.InboundEndpointInput;
import io.salesflow.hooks.InboundEndpointSecrets;
import io.salesflow.hooks.InboundEndpointView;
import io.salesflow.hooks.InboundEndpoints;
import io.salesflow.hooks.InboundEventView;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.SecretResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inbound webhook endpoints and their event logs, for admins ({@code tenant:manage}). */
@RestController
@RequestMapping("/api/v1/inbound-webhooks")
@Tag(name = "Inbound webhooks")
@PreAuthorize("hasAuthority('tenant:manage')")
@Validated
class InboundWebhookController {

    private final InboundEndpoints endpoints;

    InboundWebhookController(InboundEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Rotating a secret: the vendor's new one (Meta, Twilio), and how long the old one is still accepted. */
    record InboundSecretRotation(String secret, String overlap) {}

    @GetMapping
    @Operation(summary = "The workspace's inbound webhook endpoints (at most 100)")
    List<InboundEndpointView> list() {
        return endpoints.list();
    }

    @PostMapping
    @Operation(
            summary = "Configure an endpoint; a Standard Webhooks secret or Meta verify token is in this response only",
            description = "scheme: standard (Salesflow generates the secret), meta (secret: the app secret) or twilio"
                    + " (secret: the auth token). action: create_lead with lead {source, fields: {leadField:"
                    + " /json/pointer}} or correlate_message with message {messageName, businessKey (pointer),"
                    + " businessKeyPrefix, correlationKeys, variables (name: pointer), bufferFor}.")
    ResponseEntity<InboundEndpointSecrets> create(@RequestBody InboundEndpointInput input, HttpServletRequest http) {
        SecretResponses.mark(http);
        InboundEndpointSecrets created = endpoints.create(input);
        return ResponseEntity.created(URI.create(
                        "/api/v1/inbound-webhooks/" + created.endpoint().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(created);
    }

    @GetMapping("/{id}")
    InboundEndpointView get(@PathVariable UUID id) {
        return endpoints.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint's name, mapping or whether it is enabled (slug and scheme stay)")
    InboundEndpointView update(@PathVariable UUID id, @RequestBody InboundEndpointInput input) {
        return endpoints.update(id, input);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an endpoint and its event log; calls to its address answer 404 from now on")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        endpoints.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(
            summary = "Replace the endpoint's secret; the old one is accepted during the overlap (default PT24H)",
            description = "A Standard Webhooks endpoint gets a new generated secret, in this response only; a Meta or"
                    + " Twilio endpoint takes the vendor's new secret (and a Meta endpoint a new verify token).")
    ResponseEntity<InboundEndpointSecrets> rotate(
            @PathVariable UUID id,
            @RequestBody(required = false) InboundSecretRotation rotation,
            HttpServletRequest http) {
        SecretResponses.mark(http);
        InboundEndpointSecrets rotated = endpoints.rotate(
                id, rotation == null ? null : rotation.secret(), rotation == null ? null : rotation.overlap());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(rotated);
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The endpoint's events, newest first, with their status (received, processed, failed)")
    CursorPage<InboundEventView> events(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return endpoints.events(id, status, cursor, limit);
    }

    @PostMapping("/{id}/events/{eventId}/retry")
    @Operation(summary = "Send a failed event through the mapping again")
    InboundEventView retry(@PathVariable UUID id, @PathVariable UUID eventId) {
        return endpoints.retry(id, eventId);
    }
}
