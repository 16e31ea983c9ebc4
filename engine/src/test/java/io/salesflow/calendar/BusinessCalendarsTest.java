package io.salesflow.calendar;

import static io.salesflow.calendar.BusinessCalendarApiTest.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link BusinessCalendars}, the Java API timers use: the current tenant's calendars as stored, and only its own. */
@IntegrationTest
class BusinessCalendarsTest {

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    CalendarWorkspaces workspaces;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    CalendarWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
    }

    @Test
    void aNewWorkspaceHasTheDefaultCalendar() {
        BusinessCalendar calendar = inTenant.call(ws.slug, calendars::ofTenant);

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(calendar.hours()).isEqualTo(WeeklyHours.OFFICE);
        assertThat(calendar.holidays()).isEmpty();
    }

    @Test
    void everyChangeReachesTheNextLookup() {
        BusinessCalendar before = inTenant.call(ws.slug, calendars::ofTenant);
        assertThat(inTenant.call(ws.slug, calendars::ofTenant)).isSameAs(before);

        ws.putCalendar(BERLIN).expect(200);
        BusinessCalendar berlin = inTenant.call(ws.slug, calendars::ofTenant);
        ws.putCalendar(Map.of("timeZone", "Europe/Berlin")).expect(200);
        BusinessCalendar withoutHolidays = inTenant.call(ws.slug, calendars::ofTenant);

        assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.hours().on(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(berlin.holidays()).contains(LocalDate.parse("2026-12-25"));
        assertThat(berlin.plus(Instant.parse("2026-12-24T15:00:00Z"), java.time.Duration.ofHours(4)))
                .as("from Thursday 16:00 in Berlin, no working day, past Christmas to Monday 14:00, after lunch")
                .isEqualTo(Instant.parse("2026-12-28T13:00:00Z"));
        assertThat(withoutHolidays.holidays()).isEmpty();
        assertThat(withoutHolidays.hours()).isEqualTo(WeeklyHours.OFFICE);
    }

    @Test
    void aUserWorksByTheirOwnZoneAndHoursWhereTheySetThem() {
        ws.putCalendar(BERLIN).expect(200);
        ws.as("rep", "PUT", "/api/v1/users/" + ws.repId + "/business-calendar")
                .json(Map.of("timeZone", "America/New_York"))
                .send()
                .expect(200);

        BusinessCalendar workspace = inTenant.call(ws.slug, calendars::ofTenant);
        BusinessCalendar rep = inTenant.call(ws.slug, () -> calendars.ofUser(ws.repId));
        BusinessCalendar otherRep = inTenant.call(ws.slug, () -> calendars.ofUser(ws.otherRepId));

        assertThat(rep.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(rep.hours()).isEqualTo(workspace.hours());
        assertThat(rep.holidays()).isEqualTo(workspace.holidays());
        assertThat(otherRep).isEqualTo(workspace);
        assertThat(inTenant.call("globex", () -> calendars.ofUser(ws.repId)))
                .as("another tenant's user: that tenant's calendar")
                .isEqualTo(inTenant.call("globex", calendars::ofTenant));
    }

    @Test
    void rowLevelSecurityKeepsEachTenantsCalendarsToItself() {
        ws.putCalendar(BERLIN).expect(200);
        ws.as("rep", "PUT", "/api/v1/users/" + ws.repId + "/business-calendar")
                .json(Map.of("timeZone", "America/New_York"))
                .send()
                .expect(200);

        Map<String, Object> seenByGlobex = inTenant.call(
                "globex",
                () -> jdbc.queryForMap(
                        """
                SELECT (SELECT count(*) FROM business_calendars) AS calendars,
                       (SELECT count(*) FROM business_holidays WHERE name = 'German Unity Day') AS holidays,
                       (SELECT count(*) FROM user_business_calendars WHERE user_id = ?) AS own
                """,
                        ws.repId));

        assertThat(seenByGlobex)
                .containsEntry("calendars", 1L)
                .containsEntry("holidays", 0L)
                .containsEntry("own", 0L);
        assertThat(inTenant.call("globex", calendars::ofTenant).zone()).isNotEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
