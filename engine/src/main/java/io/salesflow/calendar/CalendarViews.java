package io.salesflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Calendars as the API shows them: weekdays by lower-case name, times as HH:mm with 24:00 for midnight at the end. */
public final class CalendarViews {

    private CalendarViews() {}

    /** The workspace's calendar; {@code version} is its ETag. */
    public record TenantCalendar(
            String timeZone, Map<String, List<WorkingHours>> workingHours, List<Holiday> holidays, long version) {}

    /**
     * A user's own time zone and working hours, each null where the workspace's apply, and the calendar that results
     * ({@code effective}, with the workspace's holidays). {@code version} is 0 while the user has never had their own.
     */
    public record UserCalendar(
            UUID userId,
            String timeZone,
            Map<String, List<WorkingHours>> workingHours,
            long version,
            EffectiveCalendar effective) {}

    public record EffectiveCalendar(
            String timeZone, Map<String, List<WorkingHours>> workingHours, List<Holiday> holidays) {}

    /** From {@code start} (included) to {@code end} (excluded). */
    public record WorkingHours(String start, String end) {}

    /** A whole day off, in the calendar's time zone. */
    public record Holiday(LocalDate date, String name) {}

    static TenantCalendar of(StoredCalendar c) {
        return new TenantCalendar(c.zone().getId(), hours(c.hours()), c.holidays(), c.version());
    }

    static UserCalendar of(UUID userId, StoredCalendar tenant, StoredOverride own) {
        ZoneId zone = own.zone() == null ? tenant.zone() : own.zone();
        WeeklyHours hours = own.hours() == null ? tenant.hours() : own.hours();
        return new UserCalendar(
                userId,
                own.zone() == null ? null : own.zone().getId(),
                own.hours() == null ? null : hours(own.hours()),
                own.version(),
                new EffectiveCalendar(zone.getId(), hours(hours), tenant.holidays()));
    }

    static Map<String, List<WorkingHours>> hours(WeeklyHours week) {
        Map<String, List<WorkingHours>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(
                    dayName(day),
                    week.on(day).stream()
                            .map(i -> new WorkingHours(time(i.start()), i.endsAtMidnight() ? "24:00" : time(i.end())))
                            .toList());
        }
        return days;
    }

    static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static String time(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
