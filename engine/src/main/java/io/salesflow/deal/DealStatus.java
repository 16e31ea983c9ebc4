package io.salesflow.deal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a deal stands: still worked on, or closed as won, lost or abandoned. */
enum DealStatus {
    OPEN,
    WON,
    LOST,
    ABANDONED;

    static final List<String> CODES =
            Arrays.stream(values()).map(DealStatus::code).toList();

    /** The status as the API and the database spell it. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DealStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
