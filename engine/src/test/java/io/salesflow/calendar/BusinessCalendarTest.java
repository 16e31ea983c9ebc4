package io.salesflow.calendar;

import static io.salesflow.calendar.CalendarExamples.BERLIN;
import static io.salesflow.calendar.CalendarExamples.OFFICE;
import static io.salesflow.calendar.CalendarExamples.at;
import static io.salesflow.calendar.CalendarExamples.berlin;
import static io.salesflow.calendar.CalendarExamples.date;
import static io.salesflow.calendar.CalendarExamples.hours;
import static io.salesflow.calendar.CalendarExamples.interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic on fixed examples; 2026-03-06 is a Friday. */
class BusinessCalendarTest {

    @Test
    void workingTimeCarriesOverTheWeekend() {
        assertThat(OFFICE.plus(berlin("2026-03-06T16:00"), hours(4))).isEqualTo(berlin("2026-03-09T12:00"));
        assertThat(OFFICE.plus(berlin("2026-03-06T16:30"), Duration.ofMinutes(30)))
                .as("runs out as Friday's hours end: Monday's start")
                .isEqualTo(berlin("2026-03-09T09:00"));
    }

    @Test
    void anAmountEndingWithTheDayAnswersTheNextWorkingMorning() {
        assertThat(OFFICE.plus(berlin("2026-03-09T09:00"), hours(8))).isEqualTo(berlin("2026-03-10T09:00"));
        assertThat(OFFICE.plus(berlin("2026-03-09T09:00"), hours(8).minusSeconds(1)))
                .isEqualTo(berlin("2026-03-09T16:59:59"));
    }

    @Test
    void holidaysAreWholeDaysOff() {
        BusinessCalendar christmas = BusinessCalendar.of(BERLIN, WeeklyHours.OFFICE, Set.of(date("2026-12-25")));

        assertThat(christmas.plus(berlin("2026-12-24T16:00"), hours(4))).isEqualTo(berlin("2026-12-28T12:00"));
        assertThat(christmas.isWorkingTime(berlin("2026-12-25T10:00"))).isFalse();
        assertThat(christmas.isWorkingDay(date("2026-12-25"))).isFalse();
        assertThat(christmas.nextWorkingTime(berlin("2026-12-24T17:00"))).isEqualTo(berlin("2026-12-28T09:00"));
        assertThat(christmas.plusWorkingDays(berlin("2026-12-24T10:00"), 1)).isEqualTo(berlin("2026-12-28T10:00"));
    }

    @Test
    void countingFromOutsideWorkingHoursStartsAtTheNextWorkingTime() {
        assertThat(OFFICE.plus(berlin("2026-03-07T10:00"), hours(1))).isEqualTo(berlin("2026-03-09T10:00"));
        assertThat(OFFICE.plus(berlin("2026-03-10T06:00"), Duration.ofMinutes(30)))
                .isEqualTo(berlin("2026-03-10T09:30"));
        assertThat(OFFICE.plus(berlin("2026-03-10T20:00"), hours(1))).isEqualTo(berlin("2026-03-11T10:00"));
    }

    @Test
    void zeroWorkingTimeIsTheNextWorkingTime() {
        assertThat(OFFICE.plus(berlin("2026-03-10T10:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-10T10:00"));
        assertThat(OFFICE.plus(berlin("2026-03-07T10:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-09T09:00"));
        assertThat(OFFICE.plus(berlin("2026-03-10T17:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-11T09:00"));
        assertThat(OFFICE.plusWorkingDays(berlin("2026-03-07T10:00"), 0)).isEqualTo(berlin("2026-03-09T09:00"));
    }

    @Test
    void aLunchBreakIsNoWorkingTime() {
        BusinessCalendar lunch = BusinessCalendar.of(
                BERLIN, WeeklyHours.weekdays(interval("09:00", "12:00"), interval("13:00", "17:00")), Set.of());

        assertThat(lunch.plus(berlin("2026-03-09T11:00"), hours(2))).isEqualTo(berlin("2026-03-09T14:00"));
        assertThat(lunch.plus(berlin("2026-03-09T11:00"), hours(1))).isEqualTo(berlin("2026-03-09T13:00"));
        assertThat(lunch.plus(berlin("2026-03-09T12:30"), hours(1))).isEqualTo(berlin("2026-03-09T14:00"));
        assertThat(lunch.isWorkingTime(berlin("2026-03-09T12:00"))).isFalse();
        assertThat(lunch.isWorkingTime(berlin("2026-03-09T13:00"))).isTrue();
        assertThat(lunch.plus(berlin("2026-03-09T09:00"), hours(7))).isEqualTo(berlin("2026-03-10T09:00"));
    }

    @Test
    void fortyWorkingHoursAreAWorkingWeek() {
        assertThat(OFFICE.plus(berlin("2026-03-09T09:00"), hours(40))).isEqualTo(berlin("2026-03-16T09:00"));
        assertThat(OFFICE.plus(berlin("2026-03-11T13:00"), hours(40))).isEqualTo(berlin("2026-03-18T13:00"));
        BusinessCalendar easter =
                BusinessCalendar.of(BERLIN, WeeklyHours.OFFICE, Set.of(date("2026-04-03"), date("2026-04-06")));
        assertThat(easter.plus(berlin("2026-04-01T13:00"), hours(40))).isEqualTo(berlin("2026-04-10T13:00"));
    }

    @Test
    void workRunsOnAcrossMidnightWhenTheIntervalsTouch() {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        days.put(DayOfWeek.MONDAY, List.of(interval("22:00", "24:00")));
        days.put(DayOfWeek.TUESDAY, List.of(interval("00:00", "02:00")));
        BusinessCalendar nights = BusinessCalendar.of(BERLIN, new WeeklyHours(days), Set.of());

        assertThat(nights.plus(berlin("2026-03-09T23:00"), hours(1))).isEqualTo(berlin("2026-03-10T00:00"));
        assertThat(nights.plus(berlin("2026-03-09T23:00"), hours(2))).isEqualTo(berlin("2026-03-10T01:00"));
        assertThat(nights.plus(berlin("2026-03-09T23:00"), hours(3))).isEqualTo(berlin("2026-03-16T22:00"));
    }

    @Test
    void workingDaysKeepTheTimeOfDayAndLandInWorkingHours() {
        assertThat(OFFICE.plusWorkingDays(berlin("2026-03-06T16:00"), 1)).isEqualTo(berlin("2026-03-09T16:00"));
        assertThat(OFFICE.plusWorkingDays(berlin("2026-03-06T18:00"), 1)).isEqualTo(berlin("2026-03-10T09:00"));
        assertThat(OFFICE.plusWorkingDays(berlin("2026-03-07T10:00"), 1)).isEqualTo(berlin("2026-03-10T09:00"));
        assertThat(OFFICE.plusWorkingDays(berlin("2026-03-09T10:00"), 10)).isEqualTo(berlin("2026-03-23T10:00"));
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(WeeklyHours.OFFICE.days());
        days.put(DayOfWeek.FRIDAY, List.of(interval("09:00", "13:00")));
        BusinessCalendar shortFriday = BusinessCalendar.of(BERLIN, new WeeklyHours(days), Set.of());
        assertThat(shortFriday.plusWorkingDays(berlin("2026-03-05T15:00"), 1))
                .as("Friday's hours end before 15:00")
                .isEqualTo(berlin("2026-03-09T09:00"));
    }

    @Test
    void aBusinessDurationAddsWorkingDaysThenWorkingTime() {
        assertThat(OFFICE.plus(berlin("2026-03-06T16:00"), BusinessDuration.parse("P1DT2H")))
                .isEqualTo(berlin("2026-03-10T10:00"));
        assertThat(OFFICE.plus(berlin("2026-03-06T16:00"), BusinessDuration.parse("PT4H")))
                .isEqualTo(berlin("2026-03-09T12:00"));
    }

    @Test
    void workingTimeIsFromTheStartUntilBeforeTheEnd() {
        assertThat(OFFICE.isWorkingTime(berlin("2026-03-09T09:00"))).isTrue();
        assertThat(OFFICE.isWorkingTime(berlin("2026-03-09T16:59:59"))).isTrue();
        assertThat(OFFICE.isWorkingTime(berlin("2026-03-09T17:00"))).isFalse();
        assertThat(OFFICE.isWorkingTime(berlin("2026-03-07T12:00"))).isFalse();
        assertThat(OFFICE.nextWorkingTime(berlin("2026-03-09T12:00"))).isEqualTo(berlin("2026-03-09T12:00"));
    }

    @Test
    void negativeAmountsAndAnswersPastTheYear9999AreRefused() {
        Instant now = berlin("2026-03-09T10:00");
        assertThatThrownBy(() -> OFFICE.plus(now, hours(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.plusWorkingDays(now, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.plus(at("9999-12-31T18:00+01:00"), hours(1)))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void aWeekMustHaveWorkingTimeAndNoOverlaps() {
        assertThatThrownBy(() -> new WeeklyHours(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklyHours.weekdays(interval("09:00", "13:00"), interval("12:00", "17:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interval("17:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interval("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WeeklyHours.weekdays(interval("13:00", "17:00"), interval("09:00", "13:00"))
                        .on(DayOfWeek.MONDAY))
                .containsExactly(interval("09:00", "13:00"), interval("13:00", "17:00"));
    }
}
