package io.salesflow.identity.web;

import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration for org admins; anyone with {@code users:read} may list. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
@Validated
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    record CreateUser(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 128) String password,
            @NotEmpty List<@NotBlank String> roles) {}

    record ChangeUser(
            @Size(min = 1, max = 200) String displayName,
            List<@NotBlank String> roles,
            @Pattern(regexp = "ACTIVE|DEACTIVATED", message = "must be ACTIVE or DEACTIVATED") String status,
            @Size(max = 128) String password) {}

    @GetMapping
    @PreAuthorize("hasAuthority('users:read')")
    @Operation(summary = "List users by email, a page at a time")
    CursorPage<UserView> list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        List<UserView> fetched = users.list(CursorPage.decode(cursor), limit + 1);
        return CursorPage.of(fetched, limit, UserView::email);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('users:read')")
    ResponseEntity<UserView> get(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), users.get(id));
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A user with this email exists")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(summary = "Create a user with an initial password and roles")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUser request) {
        UserView created = users.create(
                new Users.NewUser(request.email(), request.displayName(), request.password(), request.roles()));
        return withETag(ResponseEntity.created(URI.create("/api/v1/users/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(summary = "Change name, roles, status or password; send If-Match with the ETag you read")
    ResponseEntity<UserView> change(
            @PathVariable UUID id,
            @Valid @RequestBody ChangeUser request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UserView changed = users.change(
                id,
                new Users.UserChange(request.displayName(), request.roles(), request.status(), request.password()),
                ifMatch);
        return withETag(ResponseEntity.ok(), changed);
    }

    private static ResponseEntity<UserView> withETag(ResponseEntity.BodyBuilder builder, UserView user) {
        return builder.eTag(ETags.of(user.version())).body(user);
    }
}
