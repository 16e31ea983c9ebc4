package io.salesflow.calendar;

import java.util.UUID;

/**
 * The calendars of the current tenant ({@link io.salesflow.tenancy.TenantContext}): set it before the transaction
 * begins, or with {@code TenantScope} inside one, as background work does.
 */
public interface BusinessCalendars {

    /** The workspace's calendar. */
    BusinessCalendar ofTenant();

    /**
     * The calendar of work that is the user's (a rep's SLA): their own time zone and working hours where they set
     * them, else the workspace's, always with the workspace's holidays. A user the tenant does not have gets the
     * workspace's calendar.
     */
    BusinessCalendar ofUser(UUID userId);
}
