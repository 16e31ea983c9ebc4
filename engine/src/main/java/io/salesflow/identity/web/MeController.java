package io.salesflow.identity.web;

import io.salesflow.identity.Caller;
import io.salesflow.identity.PasswordChanges;
import io.salesflow.identity.Scope;
import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user (or API key) with roles, permissions and teams. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity")
class MeController {

    private final Users users;
    private final PasswordChanges passwordChanges;

    MeController(Users users, PasswordChanges passwordChanges) {
        this.users = users;
        this.passwordChanges = passwordChanges;
    }

    record PasswordChange(
            @Schema(description = "The password you sign in with now", example = "Salesflow-demo-1")
                    String currentPassword,
            @Schema(
                            description = "At least 10 characters, not your email, not a common password",
                            example = "correct horse battery staple")
                    String newPassword) {}

    record Me(
            UUID id,
            String kind,
            String tenant,
            String email,
            String displayName,
            List<String> roles,
            List<String> permissions,
            Map<String, Scope> scopes,
            List<UserView.TeamRef> teams) {}

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Changed; your other sessions have ended")
    @Operation(
            summary = "Change your own password, giving the current one; every other session of yours ends, this one"
                    + " stays")
    void changePassword(@RequestBody PasswordChange change) {
        passwordChanges.changeOwn(change.currentPassword(), change.newPassword());
    }

    @GetMapping
    @Operation(summary = "The caller: user or API key, its roles, permissions with scopes, and teams")
    Me me() {
        Caller caller = Caller.require();
        Map<String, Scope> scopes = new TreeMap<>(caller.permissions());
        if (caller.kind() == Caller.Kind.API_KEY) {
            return new Me(
                    caller.principalId(),
                    "API_KEY",
                    caller.tenantSlug(),
                    null,
                    caller.name(),
                    List.of(),
                    List.copyOf(scopes.keySet()),
                    scopes,
                    List.of());
        }
        UserView user = users.get(caller.userId());
        return new Me(
                user.id(),
                "USER",
                caller.tenantSlug(),
                user.email(),
                user.displayName(),
                user.roles(),
                List.copyOf(scopes.keySet()),
                scopes,
                user.teams());
    }
}
