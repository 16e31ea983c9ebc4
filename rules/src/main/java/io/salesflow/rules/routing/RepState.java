package io.salesflow.rules.routing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the distributor remembers about a rep between assignments; the engine keeps one row per team and rep.
 * {@code assignedOnDay} counts assignments on {@code day} (in the team's zone); {@code openLoad} is the rep's open
 * leads (the engine may refresh it from its data); {@code credit} is the smooth weighted round-robin counter.
 */
public record RepState(
        String repId,
        LocalDate day,
        int assignedOnDay,
        int openLoad,
        long credit,
        Instant lastAssignedAt,
        long totalAssigned) {

    public static RepState fresh(String repId) {
        return new RepState(repId, null, 0, 0, 0, null, 0);
    }

    int assignedOn(LocalDate today) {
        return today.equals(day) ? assignedOnDay : 0;
    }

    RepState withCredit(long newCredit) {
        return new RepState(repId, day, assignedOnDay, openLoad, newCredit, lastAssignedAt, totalAssigned);
    }

    RepState assigned(LocalDate today, Instant at, long newCredit) {
        return new RepState(repId, today, assignedOn(today) + 1, openLoad + 1, newCredit, at, totalAssigned + 1);
    }
}
