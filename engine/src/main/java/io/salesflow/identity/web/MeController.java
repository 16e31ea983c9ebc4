package io.salesflow.identity.web;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user (or API key) with roles, permissions and teams. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity")
class MeController {

    private final Users users;

    MeController(Users users) {
        this.users = users;
    }

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
