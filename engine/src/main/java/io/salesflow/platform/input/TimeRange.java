package io.salesflow.platform.input;

import io.salesflow.platform.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The times Salesflow keeps: the years 1 to 9999 (UTC). Java parses years up to ±999,999,999, PostgreSQL
 * stores a narrower range, and clients read four-digit years; a time outside is a 400 naming its field.
 */
public final class TimeRange {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    public static final String MESSAGE = "must be within the years " + FIRST_YEAR + " and " + LAST_YEAR;

    private static final Instant START = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private TimeRange() {}

    /**
     * Whether a {@code java.time} value lies in the range (local times read as UTC); other values (and null) are
     * not times and pass. Compared as instants: an offset can move a time at the edge of Java's range past it.
     */
    public static boolean contains(Object value) {
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDateTime l) {
            instant = l.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate d) {
            instant = d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return instant == null || (!instant.isBefore(START) && instant.isBefore(END));
    }

    public static Instant check(String field, Instant value) {
        return checked(field, value);
    }

    public static LocalDate check(String field, LocalDate value) {
        return checked(field, value);
    }

    private static <T> T checked(String field, T value) {
        if (!contains(value)) {
            throw Problem.invalid(field, MESSAGE);
        }
        return value;
    }
}
