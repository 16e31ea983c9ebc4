package io.salesflow.calendar;

import java.time.ZoneId;
import java.util.List;

/** The workspace's calendar as stored, at a version. */
record StoredCalendar(ZoneId zone, WeeklyHours hours, List<CalendarViews.Holiday> holidays, long version) {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    static final StoredCalendar DEFAULT = new StoredCalendar(DEFAULT_ZONE, WeeklyHours.OFFICE, List.of(), 0);

    StoredCalendar withVersion(long version) {
        return new StoredCalendar(zone, hours, holidays, version);
    }

    BusinessCalendar calendar() {
        return BusinessCalendar.of(
                zone, hours, holidays.stream().map(CalendarViews.Holiday::date).toList());
    }
}
