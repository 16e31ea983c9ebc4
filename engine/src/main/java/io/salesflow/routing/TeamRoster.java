package io.salesflow.routing;

import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.rules.routing.Absence;
import io.salesflow.rules.routing.Team;
import io.salesflow.rules.routing.TeamMember;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A team as the distributor sees it at a moment: its members in a fixed order (by id), each with their routing
 * settings (weight 1 and no caps when none are set; a paused member has weight 0), whether their user is still
 * active, and the absences that cover the moment.
 */
@Component
class TeamRoster {

    /** A member's routing settings. */
    record Settings(int weight, Integer dailyCap, Integer openCap, boolean active) {
        static final Settings DEFAULT = new Settings(1, null, null, true);
    }

    private final Teams teams;
    private final Users users;
    private final JdbcTemplate jdbc;
    private final RoutingProperties properties;

    TeamRoster(Teams teams, Users users, JdbcTemplate jdbc, RoutingProperties properties) {
        this.teams = teams;
        this.users = users;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Empty when the team no longer exists. */
    Optional<Team> at(UUID teamId, Instant now) {
        if (!teams.exists(teamId)) {
            return Optional.empty();
        }
        TeamView team = teams.get(teamId);
        List<UUID> memberIds = team.memberIds().stream()
                .sorted(Comparator.comparing(UUID::toString))
                .toList();
        Map<UUID, Settings> settings = settings(teamId);
        Map<UUID, List<Absence>> absences = absencesAt(memberIds, now);
        List<TeamMember> members = new ArrayList<>();
        for (UUID id : memberIds) {
            Settings s = settings.getOrDefault(id, Settings.DEFAULT);
            members.add(new TeamMember(
                    id.toString(),
                    s.active() ? s.weight() : 0,
                    s.dailyCap(),
                    s.openCap(),
                    users.isActive(id),
                    absences.getOrDefault(id, List.of())));
        }
        return Optional.of(new Team(teamId.toString(), properties.zone(), members));
    }

    Map<UUID, Settings> settings(UUID teamId) {
        Map<UUID, Settings> settings = new HashMap<>();
        jdbc.query(
                "SELECT user_id, weight, daily_cap, open_cap, active FROM routing_members WHERE team_id = ?",
                rs -> {
                    settings.put(
                            rs.getObject(1, UUID.class),
                            new Settings(
                                    rs.getInt(2),
                                    rs.getObject(3, Integer.class),
                                    rs.getObject(4, Integer.class),
                                    rs.getBoolean(5)));
                },
                teamId);
        return settings;
    }

    private Map<UUID, List<Absence>> absencesAt(List<UUID> users, Instant now) {
        Map<UUID, List<Absence>> absences = new HashMap<>();
        jdbc.query(
                "SELECT user_id, starts_at, ends_at FROM user_absences"
                        + " WHERE user_id = ANY (?) AND starts_at <= ? AND ends_at > ?",
                rs -> {
                    absences.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Absence(
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getTimestamp(3).toInstant()));
                },
                users.toArray(UUID[]::new),
                Timestamp.from(now),
                Timestamp.from(now));
        return absences;
    }
}
