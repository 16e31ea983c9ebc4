package io.salesflow.identity.web;

import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sales teams. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamController {

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    record TeamRequest(
            @NotBlank @Size(max = 100) String name, UUID managerId, @NotNull List<@NotNull UUID> memberIds) {}

    @GetMapping
    @PreAuthorize("hasAuthority('users:read')")
    List<TeamView> list() {
        return teams.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('users:read')")
    ResponseEntity<TeamView> get(@PathVariable UUID id) {
        TeamView team = teams.get(id);
        return ResponseEntity.ok().eTag(ETags.of(team.version())).body(team);
    }

    @PostMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A team with this name exists")
    @PreAuthorize("hasAuthority('teams:manage')")
    ResponseEntity<TeamView> create(@Valid @RequestBody TeamRequest request) {
        TeamView team =
                teams.create(new Teams.TeamDefinition(request.name(), request.managerId(), request.memberIds()));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id()))
                .eTag(ETags.of(team.version()))
                .body(team);
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A team with this name exists")
    @PreAuthorize("hasAuthority('teams:manage')")
    ResponseEntity<TeamView> change(
            @PathVariable UUID id,
            @Valid @RequestBody TeamRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TeamView team = teams.change(
                id, new Teams.TeamDefinition(request.name(), request.managerId(), request.memberIds()), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(team.version())).body(team);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('teams:manage')")
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        teams.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
