package io.salesflow.identity;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales teams: a manager and members, all users of the same tenant. */
@Service
public class Teams {

    private final TeamRepository teams;
    private final UserRepository users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Teams(TeamRepository teams, UserRepository users, AuditLog audit, ApplicationEventPublisher events) {
        this.teams = teams;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    public record TeamDefinition(String name, UUID managerId, List<UUID> memberIds) {}

    @Transactional(readOnly = true)
    public List<TeamView> list() {
        return teams.findAllByOrderByName().stream().map(Teams::view).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        // Routing and assignment ask several times per lead; an import chunk asks for the same few teams on every
        // row. Only a team found is kept for the transaction: one made later in it is then found too.
        return TransactionMemo.get(existsKey(id), () -> teams.existsById(id) ? Boolean.TRUE : null) != null;
    }

    private static Object existsKey(UUID id) {
        return List.of(Teams.class, id);
    }

    @Transactional(readOnly = true)
    public TeamView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public TeamView create(TeamDefinition definition) {
        checkNameFree(definition.name(), null);
        Team team = new Team(
                TenantContext.require(),
                definition.name(),
                manager(definition.managerId()),
                members(definition.memberIds()));
        teams.saveAndFlush(team);
        audit.record("team.created", "team", team.getId(), null, team.snapshot());
        events.publishEvent(new IdentityChanged(TenantContext.require()));
        return view(team);
    }

    @Transactional
    public TeamView change(UUID id, TeamDefinition definition, String ifMatch) {
        Team team = find(id);
        ETags.check(ifMatch, team.getVersion());
        checkNameFree(definition.name(), id);
        Map<String, Object> before = team.snapshot();
        team.change(definition.name(), manager(definition.managerId()), members(definition.memberIds()));
        teams.saveAndFlush(team);
        audit.record("team.changed", "team", id, before, team.snapshot());
        events.publishEvent(new IdentityChanged(TenantContext.require()));
        return view(team);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Team team = find(id);
        ETags.check(ifMatch, team.getVersion());
        teams.delete(team);
        TransactionMemo.forget(existsKey(id));
        audit.record("team.deleted", "team", id, team.snapshot(), null);
        events.publishEvent(new IdentityChanged(TenantContext.require()));
    }

    private Team find(UUID id) {
        return teams.findById(id).orElseThrow(() -> Problem.notFound("Team", id));
    }

    private void checkNameFree(String name, UUID self) {
        teams.findByNameIgnoreCase(name.trim())
                .filter(t -> !t.getId().equals(self))
                .ifPresent(t -> {
                    throw new Problem(409, "duplicate", "Conflict", "A team named " + name + " already exists")
                            .with("field", "name");
                });
    }

    private UUID manager(UUID managerId) {
        if (managerId != null && !users.existsById(managerId)) {
            throw Problem.invalid("managerId", "unknown user " + managerId);
        }
        return managerId;
    }

    private Set<UUID> members(List<UUID> memberIds) {
        if (memberIds == null) {
            return Set.of();
        }
        for (int i = 0; i < memberIds.size(); i++) {
            if (!users.existsById(memberIds.get(i))) {
                throw Problem.invalid("memberIds[" + i + "]", "unknown user " + memberIds.get(i));
            }
        }
        return Set.copyOf(memberIds);
    }

    static TeamView view(Team team) {
        return new TeamView(
                team.getId(),
                team.getName(),
                team.getManagerId(),
                team.getMemberIds().stream().sorted().toList(),
                team.getVersion());
    }
}
