package io.salesflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.calendar.BusinessCalendar;
import io.salesflow.calendar.WeeklyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A send goes out in working hours of the sender and of the recipient; December: Berlin UTC+1, New York UTC−5. */
class SendWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar WORKSPACE = BusinessCalendar.of(BERLIN, WeeklyHours.OFFICE, List.of());
    private static final BusinessCalendar SENDER = WORKSPACE;
    private static final BusinessCalendar IN_NEW_YORK = SendWindow.recipient(WORKSPACE, NEW_YORK);

    @Test
    void aSendInTheBerlinMorningWaitsForNineOClockInNewYork() {
        Instant mondayNineBerlin = Instant.parse("2026-12-07T08:00:00Z");

        Instant at = SendWindow.next(SENDER, IN_NEW_YORK, mondayNineBerlin);

        assertThat(at).isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(ZonedDateTime.ofInstant(at, NEW_YORK).toLocalTime()).hasToString("09:00");
        assertThat(ZonedDateTime.ofInstant(at, BERLIN).toLocalTime()).hasToString("15:00");
    }

    @Test
    void aSendWhileBothWorkGoesNow() {
        Instant mondayTenNewYork = Instant.parse("2026-12-07T15:00:00Z");

        assertThat(SendWindow.next(SENDER, IN_NEW_YORK, mondayTenNewYork)).isEqualTo(mondayTenNewYork);
    }

    @Test
    void aSendAfterTheSenderStoppedWaitsForTheNextDaysOverlap() {
        Instant mondayHalfPastFiveBerlin = Instant.parse("2026-12-07T16:30:00Z");

        assertThat(SendWindow.next(SENDER, IN_NEW_YORK, mondayHalfPastFiveBerlin))
                .isEqualTo(Instant.parse("2026-12-08T14:00:00Z"));
    }

    @Test
    void aSendOnFridayEveningWaitsForMondayInNewYork() {
        Instant fridayFiveBerlin = Instant.parse("2026-12-11T16:00:00Z");

        assertThat(SendWindow.next(SENDER, IN_NEW_YORK, fridayFiveBerlin))
                .isEqualTo(Instant.parse("2026-12-14T14:00:00Z"));
    }

    @Test
    void aSenderHolidayMovesTheSendToTheNextDayBothWork() {
        BusinessCalendar senderOff =
                BusinessCalendar.of(BERLIN, WeeklyHours.OFFICE, List.of(LocalDate.of(2026, 12, 7)));

        assertThat(SendWindow.next(senderOff, IN_NEW_YORK, Instant.parse("2026-12-07T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T14:00:00Z"));
    }

    @Test
    void withoutARecipientZoneTheSendersHoursAloneDecide() {
        assertThat(SendWindow.next(SENDER, null, Instant.parse("2026-12-07T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    }

    @Test
    void hoursThatNeverMeetFallBackToTheRecipientsMorning() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        BusinessCalendar inAuckland = SendWindow.recipient(WORKSPACE, auckland);
        Instant mondayNineBerlin = Instant.parse("2026-12-07T08:00:00Z");

        Instant at = SendWindow.next(SENDER, inAuckland, mondayNineBerlin);

        assertThat(at).isEqualTo(Instant.parse("2026-12-07T20:00:00Z"));
        assertThat(ZonedDateTime.ofInstant(at, auckland).toLocalDateTime()).hasToString("2026-12-08T09:00");
    }
}
