package io.salesflow.routing;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.salesflow.lead.LeadLoad;
import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.routing.RepState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each team member's share of the team's routed leads (weight, daily cap, cap on open leads, paused or not),
 * shown with where they stand now. Members without settings take part with weight 1 and no caps.
 */
@Service
public class RoutingMembers {

    private final Teams teams;
    private final Users users;
    private final TeamRoster rosters;
    private final LeadLoad load;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final RoutingProperties properties;
    private final Clock clock;

    RoutingMembers(
            Teams teams,
            Users users,
            TeamRoster rosters,
            LeadLoad load,
            AuditLog audit,
            JdbcTemplate jdbc,
            RoutingProperties properties,
            Clock clock) {
        this.teams = teams;
        this.users = users;
        this.rosters = rosters;
        this.load = load;
        this.audit = audit;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A member's settings as sent; absent weight is 1, absent active is true, absent caps are none. */
    public record Setting(UUID userId, Integer weight, Integer dailyCap, Integer openCap, Boolean active) {}

    /** A member's settings and standing: open leads counted now, today's assignments, credit, absence. */
    public record Member(
            UUID userId,
            String displayName,
            String userStatus,
            boolean configured,
            int weight,
            Integer dailyCap,
            Integer openCap,
            boolean active,
            int openLeads,
            int assignedToday,
            long credit,
            long totalAssigned,
            Instant lastAssignedAt,
            Instant absentUntil) {}

    public record TeamRouting(UUID teamId, String teamName, UUID managerId, List<Member> members) {}

    @Transactional(readOnly = true)
    public TeamRouting get(UUID teamId) {
        TeamView team = teams.get(teamId);
        Map<UUID, TeamRoster.Settings> settings = rosters.settings(teamId);
        List<UUID> ids = team.memberIds().stream().sorted().toList();
        Map<UUID, Integer> open = load.openByOwner(ids, null);
        Map<UUID, RepState> states = new HashMap<>();
        jdbc.query(
                "SELECT * FROM rep_distribution_state WHERE team_id = ?",
                rs -> {
                    RepState s = TeamDistributionState.state(rs);
                    states.put(UUID.fromString(s.repId()), s);
                },
                teamId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        List<Member> members = ids.stream()
                .map(id -> {
                    UserView user = users.get(id);
                    TeamRoster.Settings s = settings.getOrDefault(id, TeamRoster.Settings.DEFAULT);
                    RepState state = states.getOrDefault(id, RepState.fresh(id.toString()));
                    return new Member(
                            id,
                            user.displayName(),
                            user.status(),
                            settings.containsKey(id),
                            s.weight(),
                            s.dailyCap(),
                            s.openCap(),
                            s.active(),
                            open.get(id),
                            today.equals(state.day()) ? state.assignedOnDay() : 0,
                            state.credit(),
                            state.totalAssigned(),
                            state.lastAssignedAt(),
                            absentUntil(id, now));
                })
                .toList();
        return new TeamRouting(teamId, team.name(), team.managerId(), members);
    }

    /** Replaces the team's settings: members left out go back to the defaults. */
    @Transactional
    public TeamRouting replace(UUID teamId, List<Setting> settings) {
        TeamView team = teams.get(teamId);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < settings.size(); i++) {
            Setting s = settings.get(i);
            String field = "members[" + i + "]";
            if (s.userId() == null) {
                throw Problem.invalid(field + ".userId", "is required");
            }
            if (!team.memberIds().contains(s.userId())) {
                throw Problem.invalid(field + ".userId", "is not a member of team " + team.name());
            }
            if (!seen.add(s.userId())) {
                throw Problem.invalid(field + ".userId", "is listed twice");
            }
            if (s.weight() != null && (s.weight() < 0 || s.weight() > 100)) {
                throw Problem.invalid(field + ".weight", "must be between 0 and 100");
            }
            if (s.dailyCap() != null && s.dailyCap() < 0) {
                throw Problem.invalid(field + ".dailyCap", "must be 0 or more");
            }
            if (s.openCap() != null && s.openCap() < 0) {
                throw Problem.invalid(field + ".openCap", "must be 0 or more");
            }
        }
        Map<UUID, TeamRoster.Settings> before = rosters.settings(teamId);
        jdbc.update("DELETE FROM routing_members WHERE team_id = ?", teamId);
        for (Setting s : settings) {
            jdbc.update(
                    """
                    INSERT INTO routing_members (tenant_id, team_id, user_id, weight, daily_cap, open_cap, active)
                    VALUES (app_current_tenant(), ?, ?, ?, ?, ?, ?)
                    """,
                    teamId,
                    s.userId(),
                    s.weight() == null ? 1 : s.weight(),
                    s.dailyCap(),
                    s.openCap(),
                    s.active() == null || s.active());
        }
        audit.record("routing.members.changed", "team", teamId, snapshot(before), snapshot(rosters.settings(teamId)));
        return get(teamId);
    }

    private Instant absentUntil(UUID user, Instant now) {
        return jdbc
                .query(
                        "SELECT max(ends_at) FROM user_absences WHERE user_id = ? AND starts_at <= ? AND ends_at > ?",
                        (rs, n) -> rs.getTimestamp(1),
                        user,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .stream()
                .filter(Objects::nonNull)
                .map(Timestamp::toInstant)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> snapshot(Map<UUID, TeamRoster.Settings> settings) {
        Map<String, Object> s = new TreeMap<>();
        settings.forEach((user, setting) -> s.put(user.toString(), setting));
        return s;
    }
}
