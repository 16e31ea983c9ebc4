package io.salesflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The working intervals of each day of the week, in order and without overlaps (they may touch: 12:00–13:00 and
 * 13:00–17:00 are one stretch). At least one day has some: a week without working time would never end a timer.
 */
public record WeeklyHours(Map<DayOfWeek, List<WorkingInterval>> days) {

    /** Monday to Friday, 09:00 to 17:00. */
    public static final WeeklyHours OFFICE = weekdays(new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(17, 0)));

    public WeeklyHours {
        Map<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
        boolean any = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingInterval> intervals = new ArrayList<>(days.getOrDefault(day, List.of()));
            intervals.sort(Comparator.comparing(WorkingInterval::start));
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i).overlaps(intervals.get(i - 1))) {
                    throw new IllegalArgumentException(
                            day + ": " + intervals.get(i) + " overlaps " + intervals.get(i - 1));
                }
            }
            any |= !intervals.isEmpty();
            copy.put(day, List.copyOf(intervals));
        }
        if (!any) {
            throw new IllegalArgumentException("A week needs some working time");
        }
        days = Collections.unmodifiableMap(copy);
    }

    /** The same intervals Monday to Friday. */
    public static WeeklyHours weekdays(WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, List.of(intervals));
            }
        }
        return new WeeklyHours(days);
    }

    /** The intervals of {@code day}, earliest first; empty on a day off. */
    public List<WorkingInterval> on(DayOfWeek day) {
        return days.get(day);
    }
}
