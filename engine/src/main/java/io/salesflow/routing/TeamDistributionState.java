package io.salesflow.routing;

import io.salesflow.lead.LeadLoad;
import io.salesflow.rules.routing.Assignment;
import io.salesflow.rules.routing.DistributionState;
import io.salesflow.rules.routing.RepState;
import io.salesflow.rules.routing.TeamMember;
import io.salesflow.tenancy.TenantContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The distributor's state of one team in {@code rep_distribution_state}, for one lead: creates the members'
 * rows if missing, locks the team's rows ({@code FOR UPDATE}, in id order) until the lead's transaction ends,
 * counts the open leads of each member with an open-lead cap from the leads themselves, as far as the cap (the
 * distributor compares them with it and nothing else), lets the distributor decide and writes the states back.
 * Concurrent leads for a team therefore take turns, and each sees the lead the one before it assigned.
 */
final class TeamDistributionState implements DistributionState {

    private final JdbcTemplate jdbc;
    private final LeadLoad load;
    private final List<UUID> members;
    private final Map<UUID, Integer> caps = new HashMap<>();
    private final UUID lead;

    TeamDistributionState(JdbcTemplate jdbc, LeadLoad load, List<TeamMember> members, UUID lead) {
        this.jdbc = jdbc;
        this.load = load;
        members.forEach(m -> caps.put(UUID.fromString(m.repId()), m.maxOpenLoad()));
        this.members = caps.keySet().stream().sorted().toList();
        this.lead = lead;
    }

    @Override
    public Assignment assign(String teamId, Function<List<RepState>, Assignment> decide) {
        UUID team = UUID.fromString(teamId);
        jdbc.update(
                "INSERT INTO rep_distribution_state (tenant_id, team_id, user_id)"
                        + " SELECT ?, ?, m FROM unnest(?::uuid[]) AS m ORDER BY m ON CONFLICT DO NOTHING",
                TenantContext.require(),
                team,
                members.toArray(UUID[]::new));
        List<RepState> locked = jdbc.query(
                "SELECT * FROM rep_distribution_state WHERE team_id = ? ORDER BY user_id FOR UPDATE",
                (rs, n) -> state(rs),
                team);
        Map<UUID, Integer> open = load.openUpToCap(caps, lead);
        List<RepState> current = locked.stream()
                .filter(s -> open.containsKey(UUID.fromString(s.repId())))
                .map(s -> withOpenLoad(s, open.get(UUID.fromString(s.repId()))))
                .toList();
        Assignment assignment = decide.apply(current);
        for (RepState s : assignment.states()) {
            jdbc.update(
                    """
                    UPDATE rep_distribution_state SET day = ?, assigned_on_day = ?, open_load = ?, credit = ?,
                           last_assigned_at = ?, total_assigned = ?
                    WHERE team_id = ? AND user_id = ?
                    """,
                    s.day() == null ? null : Date.valueOf(s.day()),
                    s.assignedOnDay(),
                    s.openLoad(),
                    s.credit(),
                    s.lastAssignedAt() == null ? null : Timestamp.from(s.lastAssignedAt()),
                    s.totalAssigned(),
                    team,
                    UUID.fromString(s.repId()));
        }
        return assignment;
    }

    /**
     * The members' states as an assignment would start from them now, read without creating, locking or writing
     * any row: what a dry run decides on. A member without a row starts fresh, as {@link #assign} would create it.
     */
    List<RepState> peek(String teamId) {
        Map<String, RepState> stored = new HashMap<>();
        for (RepState s : states(teamId)) {
            stored.put(s.repId(), s);
        }
        Map<UUID, Integer> open = load.openUpToCap(caps, lead);
        List<RepState> current = new ArrayList<>();
        for (UUID member : members) {
            RepState s = stored.getOrDefault(member.toString(), RepState.fresh(member.toString()));
            current.add(withOpenLoad(s, open.get(member)));
        }
        return current;
    }

    private static RepState withOpenLoad(RepState s, int openLoad) {
        return new RepState(
                s.repId(), s.day(), s.assignedOnDay(), openLoad, s.credit(), s.lastAssignedAt(), s.totalAssigned());
    }

    @Override
    public List<RepState> states(String teamId) {
        return jdbc.query(
                "SELECT * FROM rep_distribution_state WHERE team_id = ? ORDER BY user_id",
                (rs, n) -> state(rs),
                UUID.fromString(teamId));
    }

    static RepState state(ResultSet rs) throws SQLException {
        Date day = rs.getDate("day");
        Timestamp last = rs.getTimestamp("last_assigned_at");
        return new RepState(
                rs.getObject("user_id", UUID.class).toString(),
                day == null ? null : day.toLocalDate(),
                rs.getInt("assigned_on_day"),
                rs.getInt("open_load"),
                rs.getLong("credit"),
                last == null ? null : last.toInstant(),
                rs.getLong("total_assigned"));
    }
}
