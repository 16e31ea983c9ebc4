package io.salesflow.lead;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a lead stands. The order is new → contacted → qualified | unqualified → converted; an unqualified lead
 * may be qualified again, and only conversion (not a plain change) makes a lead converted.
 */
public enum LeadStatus {
    NEW,
    CONTACTED,
    QUALIFIED,
    UNQUALIFIED,
    CONVERTED;

    /** The statuses a plain change may move to from this one. */
    Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> Set.of(CONTACTED);
            case CONTACTED -> Set.of(QUALIFIED, UNQUALIFIED);
            case UNQUALIFIED -> Set.of(QUALIFIED);
            case QUALIFIED, CONVERTED -> Set.of();
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<LeadStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
