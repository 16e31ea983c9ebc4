package io.salesflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Working-time arithmetic on random calendars (zones with daylight saving, half-hour offsets and half-hour shifts,
 * lunch breaks, nights, holidays) over 2026 and 2027, which hold every kind of clock change of those zones.
 */
class BusinessCalendarPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(
                    "UTC",
                    "Europe/Berlin",
                    "America/New_York",
                    "Australia/Lord_Howe",
                    "Asia/Kolkata",
                    "America/Santiago")
            .stream()
            .map(ZoneId::of)
            .toList();
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MINUTES = ChronoUnit.MINUTES.between(FIRST, Instant.parse("2028-01-01T00:00:00Z"));

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<List<WorkingInterval>> day = Arbitraries.integers()
                .between(0, 96)
                .set()
                .ofMaxSize(6)
                .map(points -> intervals(new TreeSet<>(points)));
        Arbitrary<List<LocalDate>> holidays = Arbitraries.integers()
                .between(0, 729)
                .map(d -> LocalDate.of(2026, 1, 1).plusDays(d))
                .list()
                .ofMaxSize(40);
        return Combinators.combine(Arbitraries.of(ZONES), day.list().ofSize(7), holidays)
                .as((zone, days, off) -> week(days).map(w -> BusinessCalendar.of(zone, w, off)))
                .filter(java.util.Optional::isPresent)
                .map(java.util.Optional::get);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, MINUTES).map(m -> FIRST.plus(m, ChronoUnit.MINUTES));
    }

    @Property(tries = 300)
    void theAnswerIsWorkingTimeAndAddingInStepsIsAddingTheSum(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant from,
            @ForAll @IntRange(max = 6000) int a,
            @ForAll @IntRange(max = 6000) int b) {
        Instant once = calendar.plus(from, minutes(a + b));
        Instant inSteps = calendar.plus(calendar.plus(from, minutes(a)), minutes(b));

        assertThat(calendar.isWorkingTime(once)).isTrue();
        assertThat(inSteps).isEqualTo(once);
        assertThat(calendar.plus(from, minutes(a))).isBetween(calendar.nextWorkingTime(from), once);
    }

    /**
     * Checked minute by minute against {@link BusinessCalendar#isWorkingTime}, which shares no loop with plus: exactly
     * the amount of working minutes lie before the answer, and the answer is working time, so it is the first such.
     */
    @Property(tries = 200)
    void theWorkingMinutesBetweenTheStartAndTheAnswerAreTheAmount(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant from,
            @ForAll @IntRange(max = 300) int amount) {
        Instant answer = calendar.plus(from, minutes(amount));

        int working = 0;
        for (Instant t = from; t.isBefore(answer); t = t.plus(1, ChronoUnit.MINUTES)) {
            working += calendar.isWorkingTime(t) ? 1 : 0;
        }
        assertThat(working).isEqualTo(amount);
        assertThat(calendar.isWorkingTime(answer)).isTrue();
    }

    @Property(tries = 300)
    void workingDaysLandInWorkingTimeOnALaterWorkingDay(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        Instant answer = calendar.plusWorkingDays(from, days);
        Instant start = calendar.nextWorkingTime(from);

        assertThat(calendar.isWorkingTime(answer)).isTrue();
        LocalDate first = LocalDate.ofInstant(start, calendar.zone());
        LocalDate last = LocalDate.ofInstant(answer, calendar.zone());
        long between =
                first.datesUntil(last).skip(1).filter(calendar::isWorkingDay).count();
        assertThat(between)
                .as("working days after the start's, before the answer's")
                .isLessThanOrEqualTo(days);
        assertThat(between + (calendar.isWorkingDay(last) ? 1 : 0)).isGreaterThanOrEqualTo(days);
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** Quarter-hour points taken in pairs as intervals; 96 is 24:00. */
    private static List<WorkingInterval> intervals(TreeSet<Integer> points) {
        List<Integer> p = new ArrayList<>(points);
        List<WorkingInterval> intervals = new ArrayList<>();
        for (int i = 0; i + 1 < p.size(); i += 2) {
            intervals.add(new WorkingInterval(quarter(p.get(i)), quarter(p.get(i + 1))));
        }
        return intervals;
    }

    private static LocalTime quarter(int q) {
        return q == 96 ? LocalTime.MIDNIGHT : LocalTime.of(q / 4, q % 4 * 15);
    }

    private static java.util.Optional<WeeklyHours> week(List<List<WorkingInterval>> days) {
        Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, days.get(day.ordinal()));
        }
        return week.values().stream().allMatch(List::isEmpty)
                ? java.util.Optional.empty()
                : java.util.Optional.of(new WeeklyHours(week));
    }
}
