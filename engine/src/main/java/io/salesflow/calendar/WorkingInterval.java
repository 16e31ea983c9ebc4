package io.salesflow.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Working time within a day, from {@code start} (included) to {@code end} (excluded), in local time. An {@code end} of
 * {@link LocalTime#MIDNIGHT} means the end of the day (24:00), so that a day can be worked until midnight.
 */
public record WorkingInterval(LocalTime start, LocalTime end) {

    private static final long DAY_NANOS = 24L * 60 * 60 * 1_000_000_000;

    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (endNanos(end) <= start.toNanoOfDay()) {
            throw new IllegalArgumentException("The end " + end + " is not after the start " + start);
        }
    }

    /** From times as ISO writes them ({@code 09:00}); the end may be {@code 24:00}. */
    public static WorkingInterval of(String start, String end) {
        return new WorkingInterval(
                LocalTime.parse(start), "24:00".equals(end) ? LocalTime.MIDNIGHT : LocalTime.parse(end));
    }

    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    boolean overlaps(WorkingInterval other) {
        return start.toNanoOfDay() < endNanos(other.end) && other.start.toNanoOfDay() < endNanos(end);
    }

    private static long endNanos(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT) ? DAY_NANOS : end.toNanoOfDay();
    }

    @Override
    public String toString() {
        return start + "–" + (endsAtMidnight() ? "24:00" : end.toString());
    }
}
