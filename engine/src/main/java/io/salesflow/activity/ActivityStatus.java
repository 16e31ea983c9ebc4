package io.salesflow.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an activity stands. Pending and overdue are open (overdue: pending past its due time, which Salesflow
 * decides); an open activity is completed or cancelled, and a completed or cancelled one can be reopened.
 */
enum ActivityStatus {
    PENDING,
    OVERDUE,
    COMPLETED,
    CANCELLED;

    boolean isOpen() {
        return this == PENDING || this == OVERDUE;
    }

    /** The statuses a change may ask for from this one. */
    Set<ActivityStatus> next() {
        return isOpen() ? Set.of(COMPLETED, CANCELLED) : Set.of(PENDING);
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ActivityStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
