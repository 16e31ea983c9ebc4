package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.calendar.BusinessCalendar;
import io.salesflow.calendar.BusinessCalendars;
import io.salesflow.calendar.WeeklyHours;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Timers written in business time, as a BPMN timer evaluates them ({@code ${businessTime.plus('PT4H')}}), on a
 * Berlin workspace working Monday to Friday 9 to 17 with 24 December 2026 off.
 */
class BusinessTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar CALENDAR =
            BusinessCalendar.of(BERLIN, WeeklyHours.OFFICE, List.of(LocalDate.parse("2026-12-24")));

    private static BusinessTime at(String now) {
        BusinessCalendars calendars = new BusinessCalendars() {
            @Override
            public BusinessCalendar ofTenant() {
                return CALENDAR;
            }

            @Override
            public BusinessCalendar ofUser(UUID userId) {
                return CALENDAR;
            }
        };
        return new BusinessTime(calendars, Clock.fixed(Instant.parse(now), BERLIN));
    }

    @Test
    void fourWorkingHoursFromFridayAfternoonEndOnMonday() {
        // Friday 4 December 2026, 15:00 in Berlin: two hours on Friday, two on Monday
        assertThat(at("2026-12-04T14:00:00Z").plus("PT4H").toInstant()).isEqualTo("2026-12-07T10:00:00Z");
    }

    @Test
    void aHolidayIsSkipped() {
        // Wednesday 23 December, 16:00: one hour that day, Christmas Eve off, three hours on the 25th
        assertThat(at("2026-12-23T15:00:00Z").plus("PT4H").toInstant()).isEqualTo("2026-12-25T11:00:00Z");
    }

    @Test
    void aDaylightSavingChangeKeepsTheLocalWorkingHours() {
        // Friday 27 March 2026, 16:00 CET; clocks go forward on Sunday: Monday 12:00 is CEST (UTC+2)
        assertThat(at("2026-03-27T15:00:00Z").plus("PT4H").toInstant()).isEqualTo("2026-03-30T10:00:00Z");
        assertThat(at("2026-03-27T15:00:00Z").plusWorkingDays(1).toInstant()).isEqualTo("2026-03-30T14:00:00Z");
    }
}
