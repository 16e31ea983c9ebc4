package io.salesflow.rules.routing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** {@link DistributionState} in memory, for tests and single-node use: one lock per team. */
public final class InMemoryDistributionState implements DistributionState {

    private final ConcurrentMap<String, List<RepState>> teams = new ConcurrentHashMap<>();

    @Override
    public Assignment assign(String teamId, Function<List<RepState>, Assignment> decide) {
        Assignment[] result = new Assignment[1];
        teams.compute(teamId, (id, states) -> {
            result[0] = decide.apply(states == null ? List.of() : states);
            return result[0].states();
        });
        return result[0];
    }

    @Override
    public List<RepState> states(String teamId) {
        return teams.getOrDefault(teamId, List.of());
    }

    /** Replaces a team's states, e.g. to set open loads as the engine would after counting them. */
    public void put(String teamId, List<RepState> states) {
        teams.put(teamId, List.copyOf(states));
    }
}
