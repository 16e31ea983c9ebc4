package io.salesflow.rules.routing;

import java.util.List;
import java.util.function.Function;

/**
 * Where the distributor's per-rep state lives. The engine implements it on PostgreSQL: in one transaction, lock the
 * team's rows ({@code SELECT ... FOR UPDATE}), call {@code decide}, write {@link Assignment#states()} back, so that
 * concurrent assignments in a team run one after another and caps hold.
 */
public interface DistributionState {

    /** Runs {@code decide} on the team's current states while no other assignment in the team can, and stores the result. */
    Assignment assign(String teamId, Function<List<RepState>, Assignment> decide);

    /** The team's stored states, for reading. */
    List<RepState> states(String teamId);
}
