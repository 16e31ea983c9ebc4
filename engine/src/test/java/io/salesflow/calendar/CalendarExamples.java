package io.salesflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars and times the example tests share; 2026-03-06 is a Friday. */
final class CalendarExamples {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BusinessCalendar OFFICE = BusinessCalendar.of(BERLIN, WeeklyHours.OFFICE, Set.of());

    private CalendarExamples() {}

    static BusinessCalendar everyDay(ZoneId zone, WorkingInterval interval) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(interval));
        }
        return BusinessCalendar.of(zone, new WeeklyHours(days), Set.of());
    }

    static WorkingInterval interval(String start, String end) {
        return WorkingInterval.of(start, end);
    }

    static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    /** A Berlin local time outside the hour the clocks repeat. */
    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
