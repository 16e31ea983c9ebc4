package io.salesflow.calendar;

import static io.salesflow.calendar.BusinessCalendarApiTest.BERLIN;
import static io.salesflow.calendar.BusinessCalendarApiTest.hours;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Each bad calendar is a 400 naming the field, and leaves the stored calendar as it was. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessCalendarBadInputTest {

    private static final Map<String, String> NINE_TO_FIVE = hours("09:00", "17:00");

    @Autowired
    CalendarWorkspaces workspaces;

    CalendarWorkspace ws;
    String before;

    @BeforeAll
    void workspace() {
        ws = workspaces.create();
        ws.putCalendar(BERLIN).expect(200);
        before = ws.calendar().body();
    }

    @Test
    void aTimeZoneMustBeAnIanaName() {
        refused(Map.of("timeZone", "Mars/Olympus_Mons"), "timeZone", "is not a known time zone");
        refused(Map.of("timeZone", "+02:00"), "timeZone", "is not a known time zone");
        refused(Map.of("timeZone", 2), "timeZone", "is not a known time zone");
        refused(Collections.singletonMap("timeZone", null), "timeZone", "is not a known time zone");
    }

    @Test
    void anIntervalMustEndAfterItStarts() {
        refused(week("monday", hours("17:00", "09:00")), "workingHours.monday[0].end", "must be after the start 17:00");
        refused(week("monday", hours("09:00", "09:00")), "workingHours.monday[0].end", "must be after the start");
        refused(week("monday", hours("09:00", "00:00")), "workingHours.monday[0].end", "24:00 for the end of the day");
        refused(week("monday", hours("9am", "17:00")), "workingHours.monday[0].start", "HH:mm");
        refused(week("monday", hours("24:00", "24:00")), "workingHours.monday[0].start", "HH:mm");
        refused(week("monday", Map.of("start", "09:00")), "workingHours.monday[0].end", "is required");
        refused(
                week("monday", Map.of("start", "09:00", "end", "17:00", "colour", "red")),
                "workingHours.monday[0].colour",
                "is not a known field");
    }

    @Test
    void intervalsOfADayMustNotOverlap() {
        refused(
                week("tuesday", hours("13:00", "17:00"), hours("09:00", "13:30")),
                "workingHours.tuesday[1]",
                "overlaps 13:00–17:00 (workingHours.tuesday[0])");
        refused(
                week("tuesday", hours("09:00", "17:00"), hours("10:00", "11:00")),
                "workingHours.tuesday[1]",
                "overlaps 09:00–17:00");
    }

    @Test
    void aWeekMustHaveWorkingTime() {
        refused(Map.of("workingHours", Map.of()), "workingHours", "has no working time");
        refused(Map.of("workingHours", Map.of("monday", List.of(), "sunday", List.of())), "workingHours", "no working");
        refused(Map.of("workingHours", List.of(NINE_TO_FIVE)), "workingHours", "must be an object of weekdays");
        refused(week("funday", NINE_TO_FIVE), "workingHours.funday", "is not a day of the week");
        refused(week("Monday", NINE_TO_FIVE), "workingHours.Monday", "is not a day of the week");
        refused(Map.of("workingHours", Map.of("monday", NINE_TO_FIVE)), "workingHours.monday", "must be a list");
        refused(week("monday", Collections.nCopies(25, NINE_TO_FIVE).toArray()), "workingHours.monday", "24");
    }

    @Test
    void holidaysAreUniqueDatesWithNames() {
        refused(
                holidays(
                        holiday("2026-12-25", "Christmas"),
                        holiday("2026-12-26", "Boxing Day"),
                        holiday("2026-12-25", "X")),
                "holidays[2].date",
                "is already a holiday (holidays[0])");
        refused(holidays(holiday("2026-02-30", "Nope")), "holidays[0].date", "YYYY-MM-DD");
        refused(holidays(holiday("25.12.2026", "Nope")), "holidays[0].date", "YYYY-MM-DD");
        refused(holidays(holiday("0000-01-01", "Nope")), "holidays[0].date", "years 1 and 9999");
        refused(holidays(holiday("2026-12-24", " ")), "holidays[0].name", "1 to 100 characters");
        refused(holidays(holiday("2026-12-24", "x".repeat(101))), "holidays[0].name", "1 to 100 characters");
        refused(holidays(Map.of("date", "2026-12-24")), "holidays[0].name", "1 to 100 characters");
        refused(holidays(Map.of("date", "2026-12-24", "name", "Eve", "half", true)), "holidays[0].half", "known");
        refused(Map.of("holidays", "2026-12-24"), "holidays", "must be a list");
    }

    @Test
    void aCalendarHoldsAtMostAThousandHolidays() {
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(holiday(java.time.LocalDate.of(2026, 1, 1).plusDays(i).toString(), "Day " + i));
        }
        refused(Map.of("holidays", many), "holidays", "has more than 1000 days");
        ws.putCalendar(Map.of("holidays", many.subList(0, 1000))).expect(200);
        ws.putCalendar(BERLIN).expect(200);
        before = ws.calendar().body();
    }

    @Test
    void unknownFieldsAndBodiesThatAreNoObjectAreRefused() {
        refused(Map.of("colour", "red"), "colour", "is not a known field");
        assertField(ws.putCalendar("[]"), "body");
        assertField(ws.putCalendar("\"calendar\""), "body");
        assertThat(ws.calendar().body()).isEqualTo(before);
    }

    private void refused(Map<String, ?> body, String field, String message) {
        Api.Response response = ws.putCalendar(body);
        assertField(response, field);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains(message);
        assertThat(ws.calendar().body()).as("unchanged after %s", body).isEqualTo(before);
    }

    private static Map<String, Object> week(String day, Object... intervals) {
        return Map.of("workingHours", Map.of(day, List.of(intervals)));
    }

    private static Map<String, Object> holidays(Object... holidays) {
        return Map.of("holidays", List.of(holidays));
    }

    private static Map<String, String> holiday(String date, String name) {
        return Map.of("date", date, "name", name);
    }
}
