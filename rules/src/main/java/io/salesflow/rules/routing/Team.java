package io.salesflow.rules.routing;

import java.time.ZoneId;
import java.util.List;

/** A team or queue leads are routed to; {@code zone} decides when a rep's day (and daily cap) starts over. */
public record Team(String teamId, ZoneId zone, List<TeamMember> members) {

    public Team {
        members = List.copyOf(members);
    }
}
