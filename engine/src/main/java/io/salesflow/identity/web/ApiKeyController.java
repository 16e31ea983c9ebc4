package io.salesflow.identity.web;

import io.salesflow.identity.ApiKeyView;
import io.salesflow.identity.ApiKeys;
import io.salesflow.platform.web.SecretResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for external systems, managed by org admins. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
@PreAuthorize("hasAuthority('apikeys:manage')")
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateApiKey(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty List<@NotBlank String> scopes,
            @Future Instant expiresAt) {}

    @GetMapping
    List<ApiKeyView> list() {
        return apiKeys.list();
    }

    @PostMapping
    @Operation(summary = "Create a key; its secret is in this response only")
    ResponseEntity<ApiKeyView> create(@Valid @RequestBody CreateApiKey request, HttpServletRequest http) {
        SecretResponses.mark(http);
        ApiKeyView key = apiKeys.create(new ApiKeys.NewApiKey(request.name(), request.scopes(), request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(key);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a key; it stops working at once")
    ApiKeyView revoke(@PathVariable UUID id) {
        return apiKeys.revoke(id);
    }
}
