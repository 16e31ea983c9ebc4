package io.salesflow.webhook.web;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.SecretResponses;
import io.salesflow.webhook.WebhookDeliveries;
import io.salesflow.webhook.WebhookDeliveryDetail;
import io.salesflow.webhook.WebhookDeliveryView;
import io.salesflow.webhook.WebhookEventTypeView;
import io.salesflow.webhook.WebhookSecretRotation;
import io.salesflow.webhook.WebhookSubscriptionCreated;
import io.salesflow.webhook.WebhookSubscriptionView;
import io.salesflow.webhook.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outgoing webhooks: subscriptions of URLs to domain events and their delivery logs, for org admins. */
@RestController
@Tag(name = "Webhooks")
@Validated
@PreAuthorize("hasAuthority('tenant:manage')")
class WebhookSubscriptionController {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    WebhookSubscriptionController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    record WebhookSubscriptionInput(
            @Schema(example = "https://hooks.example.com/salesflow") @NotBlank @Size(max = 2000) String url,
            @Schema(example = "[\"lead.created\", \"deal.won\"]") @NotEmpty @Size(max = 50)
                    List<@NotBlank @Size(max = 100) String> eventTypes,
            @Size(max = 500) String description,
            @Schema(description = "Whether events are sent; true when left out") Boolean enabled) {

        WebhookSubscriptions.SubscriptionSettings settings() {
            return new WebhookSubscriptions.SubscriptionSettings(
                    url, eventTypes, description, enabled == null || enabled);
        }
    }

    @GetMapping("/api/v1/webhook-subscriptions/event-types")
    @Operation(summary = "The event types a subscription may ask for")
    List<WebhookEventTypeView> eventTypes() {
        return subscriptions.eventTypes();
    }

    @GetMapping("/api/v1/webhook-subscriptions")
    @Operation(summary = "The workspace's webhook subscriptions (at most salesflow.webhooks.max-subscriptions)")
    List<WebhookSubscriptionView> list() {
        return subscriptions.list();
    }

    @PostMapping("/api/v1/webhook-subscriptions")
    @Operation(summary = "Subscribe a URL to event types; the signing secret is in this response only")
    ResponseEntity<WebhookSubscriptionCreated> create(
            @Valid @RequestBody WebhookSubscriptionInput input, HttpServletRequest http) {
        SecretResponses.mark(http);
        WebhookSubscriptionCreated created = subscriptions.create(input.settings());
        return ResponseEntity.created(URI.create("/api/v1/webhook-subscriptions/"
                        + created.subscription().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(created);
    }

    @GetMapping("/api/v1/webhook-subscriptions/{id}")
    @Operation(summary = "One webhook subscription")
    WebhookSubscriptionView get(@PathVariable UUID id) {
        return subscriptions.get(id);
    }

    @PutMapping("/api/v1/webhook-subscriptions/{id}")
    @Operation(summary = "Change a subscription; enabling it again clears why it was disabled")
    WebhookSubscriptionView update(@PathVariable UUID id, @Valid @RequestBody WebhookSubscriptionInput input) {
        return subscriptions.update(id, input.settings());
    }

    @DeleteMapping("/api/v1/webhook-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a subscription and its delivery log")
    void delete(@PathVariable UUID id) {
        subscriptions.delete(id);
    }

    @PostMapping("/api/v1/webhook-subscriptions/{id}/rotate-secret")
    @Operation(
            summary = "Issue a new signing secret (in this response only); the previous one keeps signing, as a second"
                    + " signature, until previousSecretValidUntil")
    ResponseEntity<WebhookSecretRotation> rotate(@PathVariable UUID id, HttpServletRequest http) {
        SecretResponses.mark(http);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(subscriptions.rotate(id));
    }

    @GetMapping("/api/v1/webhook-subscriptions/{id}/deliveries")
    @Operation(summary = "A subscription's deliveries, newest first")
    CursorPage<WebhookDeliveryView> deliveries(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Size(max = 200) String cursor) {
        return deliveries.page(id, cursor, limit);
    }

    @GetMapping("/api/v1/webhook-deliveries/{id}")
    @Operation(summary = "A delivery with its payload and its attempts (status, response code, timing, snippets)")
    WebhookDeliveryDetail delivery(@PathVariable UUID id) {
        return deliveries.get(id);
    }

    @PostMapping("/api/v1/webhook-deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a finished delivery again, under the same webhook-id")
    WebhookDeliveryView redeliver(@PathVariable UUID id) {
        return deliveries.redeliver(id);
    }
}
