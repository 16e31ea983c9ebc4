package io.salesflow.calendar;

import java.time.ZoneId;

/** A user's own time zone and working hours as stored; null where the workspace's apply. */
record StoredOverride(ZoneId zone, WeeklyHours hours, long version) {

    static final StoredOverride NONE = new StoredOverride(null, null, 0);

    BusinessCalendar applyTo(BusinessCalendar workspace) {
        return workspace.with(zone == null ? workspace.zone() : zone, hours == null ? workspace.hours() : hours);
    }

    StoredOverride withVersion(long version) {
        return new StoredOverride(zone, hours, version);
    }
}
