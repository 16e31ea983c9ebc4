package io.salesflow.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When someone works — weekly working hours in a time zone, less whole-day holidays — and the arithmetic of working
 * time over it. Immutable and plain Java.
 *
 * <p>Working time is time that passes inside working intervals. An interval's ends are local times of its day, so
 * on a day the clocks change an interval spanning the change is an hour shorter or longer; a local time the clocks
 * skip stands for the moment of the change, and one they repeat for its first occurrence. A holiday is a date in the
 * calendar's zone. Answers lie in the years up to 9999; one that would lie later is a {@link DateTimeException}.
 */
public final class BusinessCalendar {

    private static final int LAST_YEAR = 9999;

    private final ZoneId zone;
    private final WeeklyHours hours;
    private final NavigableSet<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, WeeklyHours hours, Collection<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
    }

    public static BusinessCalendar of(ZoneId zone, WeeklyHours hours, Collection<LocalDate> holidays) {
        return new BusinessCalendar(zone, hours, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** Another zone and hours over the same holidays: a user's own calendar within the workspace's. */
    public BusinessCalendar with(ZoneId zone, WeeklyHours hours) {
        return new BusinessCalendar(zone, hours, holidays);
    }

    /** Whether {@code date} is no holiday and has working time. */
    public boolean isWorkingDay(LocalDate date) {
        return !spans(date).isEmpty();
    }

    public boolean isWorkingTime(Instant instant) {
        return spans(LocalDate.ofInstant(instant, zone)).stream().anyMatch(s -> s.contains(instant));
    }

    /** {@code instant} itself when it is working time, else the start of the next working interval. */
    public Instant nextWorkingTime(Instant instant) {
        return plus(instant, Duration.ZERO);
    }

    /**
     * The first working instant at which {@code workingTime} of working time has passed since {@code from}. Counting
     * starts at {@code from}, or at the next working time when {@code from} is outside working hours. When the amount
     * runs out exactly at the end of an interval, the answer is the start of the next one, so it is always working
     * time: with Monday to Friday 09:00–17:00, 4 hours from Friday 16:00 is Monday 12:00, 8 hours from Monday 09:00
     * is Tuesday 09:00, and zero is {@link #nextWorkingTime}. Adding {@code a} and then {@code b} is adding
     * {@code a + b}.
     */
    public Instant plus(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time cannot be negative: " + workingTime);
        }
        Duration remaining = workingTime;
        for (LocalDate date = LocalDate.ofInstant(from, zone); ; date = next(date)) {
            for (Span span : spans(date)) {
                if (!span.end.isAfter(from)) {
                    continue;
                }
                Instant start = span.start.isAfter(from) ? span.start : from;
                Duration available = Duration.between(start, span.end);
                if (remaining.compareTo(available) < 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The same local time of day {@code days} working days later. Counting starts at {@link #nextWorkingTime} of
     * {@code from}; the answer is that time of day on the {@code days}-th working day after that one's date or, when
     * it is no working time on that day, the next working time after it. Zero days is the next working time. With
     * Monday to Friday 09:00–17:00: 1 day from Friday 16:00 is Monday 16:00, from Friday 18:00 or Saturday 10:00
     * (counting from Monday 09:00) Tuesday 09:00.
     */
    public Instant plusWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days cannot be negative: " + days);
        }
        Instant start = nextWorkingTime(from);
        if (days == 0) {
            return start;
        }
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate date = local.toLocalDate();
        for (int counted = 0; counted < days; ) {
            date = next(date);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return nextWorkingTime(at(date.atTime(local.toLocalTime())));
    }

    /** Working days first, then working time: {@code P1DT2H} is two working hours after one working day. */
    public Instant plus(Instant from, BusinessDuration duration) {
        return plus(plusWorkingDays(from, duration.workingDays()), duration.workingTime());
    }

    /** The working intervals of {@code date} as instants, earliest first, without the ones the clocks skip. */
    private List<Span> spans(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(2);
        for (WorkingInterval interval : hours.on(date.getDayOfWeek())) {
            Instant start = at(date.atTime(interval.start()));
            Instant end = at(interval.endsAtMidnight() ? date.plusDays(1).atStartOfDay() : date.atTime(interval.end()));
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    /** The instant of a local time: in a gap the moment the clocks jump, in an overlap the first occurrence. */
    private Instant at(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return offsets.stream()
                .map(local::toInstant)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static LocalDate next(LocalDate date) {
        LocalDate next = date.plusDays(1);
        if (next.getYear() > LAST_YEAR) {
            throw new DateTimeException("No answer before the year " + (LAST_YEAR + 1));
        }
        return next;
    }

    private record Span(Instant start, Instant end) {
        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c
                && zone.equals(c.zone)
                && hours.equals(c.hours)
                && holidays.equals(c.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, hours, holidays);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + hours.days() + ", " + holidays.size() + " holidays]";
    }
}
