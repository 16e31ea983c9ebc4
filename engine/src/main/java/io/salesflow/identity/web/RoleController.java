package io.salesflow.identity.web;

import io.salesflow.identity.RoleView;
import io.salesflow.identity.Roles;
import io.salesflow.identity.Scope;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RestController;

/** Roles and the permission matrix: read by anyone with {@code users:read}, changed with {@code roles:manage}. */
@RestController
@Tag(name = "Roles")
class RoleController {

    private final Roles roles;

    RoleController(Roles roles) {
        this.roles = roles;
    }

    record RoleRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,62}", message = "must be lower-case letters, digits and _")
                    String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @NotNull List<@Valid @NotNull GrantRequest> permissions) {}

    record GrantRequest(@NotBlank String permission, Scope scope) {}

    @GetMapping("/api/v1/permissions")
    @PreAuthorize("hasAuthority('users:read')")
    @Operation(summary = "The permission catalogue")
    List<Roles.PermissionInfo> permissions() {
        return roles.catalogue();
    }

    @GetMapping("/api/v1/roles")
    @PreAuthorize("hasAuthority('users:read')")
    List<RoleView> list() {
        return roles.list();
    }

    @GetMapping("/api/v1/roles/{id}")
    @PreAuthorize("hasAuthority('users:read')")
    ResponseEntity<RoleView> get(@PathVariable UUID id) {
        RoleView role = roles.get(id);
        return ResponseEntity.ok().eTag(ETags.of(role.version())).body(role);
    }

    @PostMapping("/api/v1/roles")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A role with this code exists")
    @PreAuthorize("hasAuthority('roles:manage')")
    @Operation(summary = "Create a custom role")
    ResponseEntity<RoleView> create(@Valid @RequestBody RoleRequest request) {
        RoleView role = roles.create(definition(request));
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.id()))
                .eTag(ETags.of(role.version()))
                .body(role);
    }

    @PutMapping("/api/v1/roles/{id}")
    @PreAuthorize("hasAuthority('roles:manage')")
    @Operation(summary = "Replace a role's name, description and permissions")
    ResponseEntity<RoleView> change(
            @PathVariable UUID id,
            @Valid @RequestBody RoleRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RoleView role = roles.change(id, definition(request), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(role.version())).body(role);
    }

    @DeleteMapping("/api/v1/roles/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A system role, or a role users still hold")
    @PreAuthorize("hasAuthority('roles:manage')")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        roles.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static Roles.RoleDefinition definition(RoleRequest r) {
        return new Roles.RoleDefinition(
                r.code(),
                r.name(),
                r.description(),
                r.permissions().stream()
                        .map(g -> new RoleView.Grant(g.permission(), g.scope()))
                        .toList());
    }
}
