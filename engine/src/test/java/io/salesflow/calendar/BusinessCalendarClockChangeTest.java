package io.salesflow.calendar;

import static io.salesflow.calendar.CalendarExamples.BERLIN;
import static io.salesflow.calendar.CalendarExamples.NEW_YORK;
import static io.salesflow.calendar.CalendarExamples.OFFICE;
import static io.salesflow.calendar.CalendarExamples.at;
import static io.salesflow.calendar.CalendarExamples.date;
import static io.salesflow.calendar.CalendarExamples.everyDay;
import static io.salesflow.calendar.CalendarExamples.hours;
import static io.salesflow.calendar.CalendarExamples.interval;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Working time when the clocks change: Europe/Berlin on 2026-03-29 (02:00 → 03:00) and 2026-10-25 (03:00 → 02:00),
 * America/New_York on 2026-03-08 and 2026-11-01, both on Sundays.
 */
class BusinessCalendarClockChangeTest {

    @Test
    void localHoursFollowTheClockAcrossTheSpringChange() {
        assertThat(OFFICE.plus(at("2026-03-27T16:00+01:00"), hours(2))).isEqualTo(at("2026-03-30T10:00+02:00"));
        assertThat(OFFICE.plusWorkingDays(at("2026-03-27T10:00+01:00"), 1)).isEqualTo(at("2026-03-30T10:00+02:00"));
        BusinessCalendar newYork = BusinessCalendar.of(NEW_YORK, WeeklyHours.OFFICE, Set.of());
        assertThat(newYork.plus(at("2026-03-06T16:00-05:00"), hours(2))).isEqualTo(at("2026-03-09T10:00-04:00"));
    }

    @Test
    void localHoursFollowTheClockAcrossTheAutumnChange() {
        assertThat(OFFICE.plus(at("2026-10-23T16:00+02:00"), hours(2))).isEqualTo(at("2026-10-26T10:00+01:00"));
        BusinessCalendar newYork = BusinessCalendar.of(NEW_YORK, WeeklyHours.OFFICE, Set.of());
        assertThat(newYork.plus(at("2026-10-30T16:00-04:00"), hours(2))).isEqualTo(at("2026-11-02T10:00-05:00"));
        assertThat(newYork.plusWorkingDays(at("2026-10-30T11:00-04:00"), 1)).isEqualTo(at("2026-11-02T11:00-05:00"));
    }

    @Test
    void anIntervalSpanningTheSpringChangeIsAnHourShorter() {
        BusinessCalendar night = everyDay(BERLIN, interval("01:00", "04:00"));

        assertThat(night.plus(at("2026-03-29T01:00+01:00"), Duration.ofMinutes(90)))
                .isEqualTo(at("2026-03-29T03:30+02:00"));
        assertThat(night.plus(at("2026-03-29T01:00+01:00"), hours(2)))
                .as("two hours fill the night of the change")
                .isEqualTo(at("2026-03-30T01:00+02:00"));
        assertThat(night.isWorkingTime(at("2026-03-29T03:00+02:00"))).isTrue();
    }

    @Test
    void anIntervalStartingInTheSkippedHourStartsWhenTheClocksJump() {
        BusinessCalendar late = everyDay(BERLIN, interval("02:30", "04:00"));

        assertThat(late.nextWorkingTime(at("2026-03-29T01:30+01:00"))).isEqualTo(at("2026-03-29T03:00+02:00"));
        assertThat(late.plus(at("2026-03-29T01:30+01:00"), hours(1))).isEqualTo(at("2026-03-30T02:30+02:00"));
        assertThat(everyDay(BERLIN, interval("02:00", "03:00")).isWorkingDay(date("2026-03-29")))
                .as("an interval the clocks skip entirely")
                .isFalse();
    }

    @Test
    void anIntervalSpanningTheAutumnChangeIsAnHourLonger() {
        BusinessCalendar night = everyDay(BERLIN, interval("01:00", "04:00"));

        assertThat(night.plus(at("2026-10-25T01:00+02:00"), Duration.ofMinutes(210)))
                .isEqualTo(at("2026-10-25T03:30+01:00"));
        assertThat(night.isWorkingTime(at("2026-10-25T02:30+01:00")))
                .as("the repeated hour")
                .isTrue();
        assertThat(night.plus(at("2026-10-25T01:00+02:00"), hours(4))).isEqualTo(at("2026-10-26T01:00+01:00"));
    }

    @Test
    void aCalendarRoundTheClockCountsElapsedTime() {
        BusinessCalendar always = everyDay(NEW_YORK, new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));

        assertThat(always.plus(at("2026-03-08T00:00-05:00"), hours(24))).isEqualTo(at("2026-03-09T01:00-04:00"));
        assertThat(always.plus(at("2026-11-01T00:00-04:00"), hours(24))).isEqualTo(at("2026-11-01T23:00-05:00"));
    }
}
