package io.salesflow.rules.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rep in a team as the distributor sees it. {@code weight} is their share relative to the others (2 gets twice
 * as many as 1; 0 gets none); {@code dailyCap} and {@code maxOpenLoad} are limits, none when {@code null};
 * {@code active} false means deactivated.
 */
public record TeamMember(
        String repId, int weight, Integer dailyCap, Integer maxOpenLoad, boolean active, List<Absence> absences) {

    public TeamMember {
        absences = absences == null ? List.of() : List.copyOf(absences);
    }

    public static TeamMember of(String repId, int weight) {
        return new TeamMember(repId, weight, null, null, true, List.of());
    }

    Optional<Absence> absenceAt(Instant t) {
        return absences.stream().filter(a -> a.covers(t)).findFirst();
    }
}
