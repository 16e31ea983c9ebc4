package io.salesflow.calendar;

import static io.salesflow.calendar.BusinessCalendarApiTest.BERLIN;
import static io.salesflow.calendar.BusinessCalendarApiTest.hours;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET/PUT/DELETE /api/v1/users/{userId}/business-calendar}, each test in a new workspace of its own. */
@IntegrationTest
class UserCalendarApiTest {

    private static final Map<String, Object> NEW_YORK = Map.of("timeZone", "America/New_York");

    @Autowired
    Api api;

    @Autowired
    CalendarWorkspaces workspaces;

    CalendarWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
        ws.putCalendar(BERLIN).expect(200);
    }

    @Test
    void aUserWithoutTheirOwnWorksByTheWorkspaceCalendar() {
        JsonNode mine = get("rep", ws.repId).expect(200).json();

        assertThat(mine.get("userId").asText()).isEqualTo(ws.repId.toString());
        assertThat(mine.get("timeZone").isNull()).isTrue();
        assertThat(mine.get("workingHours").isNull()).isTrue();
        assertThat(mine.get("version").asLong()).isZero();
        JsonNode workspace = ws.calendar().json();
        assertThat(mine.get("effective").get("timeZone")).isEqualTo(workspace.get("timeZone"));
        assertThat(mine.get("effective").get("workingHours")).isEqualTo(workspace.get("workingHours"));
        assertThat(mine.get("effective").get("holidays")).isEqualTo(workspace.get("holidays"));
    }

    @Test
    void aUserSetsTheirOwnTimeZoneAndKeepsTheWorkspaceHoursAndHolidays() {
        JsonNode mine = put("rep", ws.repId, NEW_YORK).expect(200).json();

        assertThat(mine.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(mine.get("workingHours").isNull()).isTrue();
        assertThat(mine.get("effective").get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(mine.get("effective").get("workingHours"))
                .isEqualTo(ws.calendar().json().get("workingHours"));
        assertThat(mine.get("effective").get("holidays")).hasSize(2);
        assertThat(get("rep", ws.repId).json()).isEqualTo(mine);
        assertThat(get("rep", ws.otherRepId).status())
                .as("users:read for another's")
                .isEqualTo(403);
        JsonNode sentBack = ws.as("rep", "PUT", "/api/v1/users/" + ws.repId + "/business-calendar")
                .json(mine.toString())
                .send()
                .expect(200)
                .json();
        assertThat(sentBack.get("timeZone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void aUserGoesBackToTheWorkspaceCalendarAndAnOldETagStaysStale() {
        Api.Response own = put(
                        "rep",
                        ws.repId,
                        Map.of(
                                "timeZone",
                                "Asia/Kolkata",
                                "workingHours",
                                Map.of("saturday", List.of(hours("10:00", "14:00")))))
                .expect(200);
        String etag = own.header("ETag").orElseThrow();

        ws.as("rep", "DELETE", "/api/v1/users/" + ws.repId + "/business-calendar")
                .header("If-Match", etag)
                .send()
                .expect(204);

        JsonNode mine = get("rep", ws.repId).json();
        assertThat(mine.get("timeZone").isNull()).isTrue();
        assertThat(mine.get("workingHours").isNull()).isTrue();
        assertThat(mine.get("effective").get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(mine.get("version").asLong()).isEqualTo(2);
        Api.Response stale = ws.as("rep", "PUT", "/api/v1/users/" + ws.repId + "/business-calendar")
                .header("If-Match", etag)
                .json(NEW_YORK)
                .send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(get("admin", ws.repId).json().get("timeZone").isNull()).isTrue();
        ws.as("rep", "DELETE", "/api/v1/users/" + ws.repId + "/business-calendar")
                .send()
                .expect(204);
    }

    @Test
    void onlyTheUserOrWhoManagesUsersChangesTheirCalendar() {
        Api.Response refused = put("rep", ws.otherRepId, NEW_YORK);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ws.as("rep", "DELETE", "/api/v1/users/" + ws.otherRepId + "/business-calendar")
                        .send()
                        .status())
                .isEqualTo(403);

        put("admin", ws.otherRepId, NEW_YORK).expect(200);
        assertThat(get("admin", ws.otherRepId).json().get("timeZone").asText()).isEqualTo("America/New_York");
        JsonNode audit = ws.as("admin", "GET", "/api/v1/audit-log?resourceType=user&resourceId=" + ws.otherRepId)
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(audit.findValuesAsText("action")).contains("user.business_calendar.changed");
    }

    @Test
    void anotherWorkspacesUserIsNotFound() {
        CalendarWorkspace other = workspaces.create();

        for (String method : List.of("GET", "PUT", "DELETE")) {
            Api.Call call = other.as("admin", method, "/api/v1/users/" + ws.repId + "/business-calendar");
            Api.Response response = method.equals("PUT") ? call.json(NEW_YORK).send() : call.send();
            assertThat(response.status()).as(method).isEqualTo(404);
        }
        assertThat(get("admin", UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get("rep", ws.repId).json().get("timeZone").isNull()).isTrue();
    }

    @Test
    void badUserCalendarsNameTheFieldAndChangeNothing() {
        put("rep", ws.repId, NEW_YORK).expect(200);
        String before = get("rep", ws.repId).body();

        assertField(put("rep", ws.repId, Map.of("timeZone", "New York")), "timeZone");
        assertField(put("rep", ws.repId, Map.of("workingHours", Map.of("monday", List.of()))), "workingHours");
        assertField(
                put("rep", ws.repId, Map.of("workingHours", Map.of("monday", List.of(hours("18:00", "08:00"))))),
                "workingHours.monday[0].end");
        assertField(put("rep", ws.repId, Map.of("holidays", List.of())), "holidays");
        assertField(put("rep", ws.repId, Map.of("userId", ws.otherRepId.toString())), "userId");
        assertField(put("rep", ws.repId, Map.of("colour", "red")), "colour");

        assertThat(get("rep", ws.repId).body()).isEqualTo(before);
        JsonNode cleared = put("rep", ws.repId, Collections.singletonMap("timeZone", null))
                .expect(200)
                .json();
        assertThat(cleared.get("effective").get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    private Api.Response get(String as, UUID userId) {
        return ws.as(as, "GET", "/api/v1/users/" + userId + "/business-calendar")
                .send();
    }

    private Api.Response put(String as, UUID userId, Map<String, ?> body) {
        return ws.as(as, "PUT", "/api/v1/users/" + userId + "/business-calendar")
                .json(body)
                .send();
    }
}
