package io.salesflow.rules.routing;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of distributing one lead in a team: the rep ({@code null} when nobody was available), why, every
 * candidate with its verdict, and the team's rep states after it, to be stored.
 */
public record Assignment(
        String teamId,
        String repId,
        Instant at,
        String reason,
        List<CandidateReport> candidates,
        List<RepState> states) {

    public Assignment {
        candidates = List.copyOf(candidates);
        states = List.copyOf(states);
    }

    public boolean assigned() {
        return repId != null;
    }
}
