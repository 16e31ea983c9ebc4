package io.salesflow.routing.web;

import io.salesflow.routing.RoutingMembers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A team's routing settings per member, and where each member stands. */
@RestController
@Tag(name = "Lead routing")
class RoutingMemberController {

    private final RoutingMembers members;

    RoutingMemberController(RoutingMembers members) {
        this.members = members;
    }

    record MembersRequest(@NotNull List<RoutingMembers.@NotNull Setting> members) {}

    @GetMapping("/api/v1/teams/{id}/routing-members")
    @PreAuthorize("hasAuthority('users:read') or hasAuthority('teams:manage')")
    @Operation(summary = "Each member's weight, caps and pause, with open leads, today's assignments and absence")
    RoutingMembers.TeamRouting get(@PathVariable UUID id) {
        return members.get(id);
    }

    @PutMapping("/api/v1/teams/{id}/routing-members")
    @PreAuthorize("hasAuthority('teams:manage')")
    @Operation(
            summary = "Replace the settings: {members: [{userId, weight (0-100, default 1), dailyCap, openCap,"
                    + " active}]}; members left out take part with weight 1 and no caps")
    RoutingMembers.TeamRouting replace(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return members.replace(id, request.members());
    }
}
