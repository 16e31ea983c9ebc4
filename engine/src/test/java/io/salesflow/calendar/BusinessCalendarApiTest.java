package io.salesflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET/PUT /api/v1/business-calendar}, each test in a new workspace of its own. */
@IntegrationTest
class BusinessCalendarApiTest {

    static final Map<String, Object> BERLIN = Map.of(
            "timeZone", "Europe/Berlin",
            "workingHours",
                    Map.of(
                            "monday", List.of(hours("09:00", "12:00"), hours("13:00", "17:00")),
                            "friday", List.of(hours("09:00", "13:00"))),
            "holidays",
                    List.of(
                            Map.of("date", "2026-12-25", "name", "Christmas Day"),
                            Map.of("date", "2026-10-03", "name", "German Unity Day")));

    @Autowired
    Api api;

    @Autowired
    CalendarWorkspaces workspaces;

    CalendarWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
    }

    @Test
    void aNewWorkspaceWorksMondayToFridayNineToFiveInUtcAndEveryMemberReadsIt() {
        Api.Response read =
                ws.as("rep", "GET", "/api/v1/business-calendar").send().expect(200);

        JsonNode calendar = read.json();
        assertThat(calendar.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(calendar.get("workingHours").get("monday").toString())
                .isEqualTo("[{\"start\":\"09:00\",\"end\":\"17:00\"}]");
        assertThat(calendar.get("workingHours").get("friday")).hasSize(1);
        assertThat(calendar.get("workingHours").get("saturday")).isEmpty();
        assertThat(calendar.get("workingHours").get("sunday")).isEmpty();
        assertThat(calendar.get("holidays")).isEmpty();
        assertThat(calendar.get("version").asLong()).isZero();
        assertThat(read.header("ETag")).contains("\"0\"");
    }

    @Test
    void anAdminReplacesTheCalendarAndTheChangeIsAudited() {
        Api.Response saved = ws.putCalendar(BERLIN).expect(200);

        JsonNode calendar = ws.calendar().json();
        assertThat(calendar).isEqualTo(saved.json());
        assertThat(calendar.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(calendar.get("workingHours").get("monday").findValuesAsText("end"))
                .containsExactly("12:00", "17:00");
        assertThat(calendar.get("workingHours").get("tuesday")).isEmpty();
        assertThat(calendar.get("holidays").findValuesAsText("date"))
                .as("by date")
                .containsExactly("2026-10-03", "2026-12-25");
        assertThat(calendar.get("version").asLong()).isEqualTo(1);
        assertThat(saved.header("ETag")).contains("\"1\"");
        JsonNode audit = ws.as(
                        "admin", "GET", "/api/v1/audit-log?resourceType=business_calendar&resourceId=" + ws.tenantId)
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(audit.findValuesAsText("action")).containsExactly("business_calendar.changed");
        assertThat(audit.get(0).get("before").get("timeZone").asText()).isEqualTo("UTC");
        assertThat(audit.get(0).get("after").get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void fieldsLeftOutTakeTheirDefaults() {
        ws.putCalendar(BERLIN).expect(200);

        JsonNode calendar =
                ws.putCalendar(Map.of("timeZone", "Asia/Tokyo")).expect(200).json();

        assertThat(calendar.get("timeZone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(calendar.get("workingHours").get("tuesday").toString())
                .isEqualTo("[{\"start\":\"09:00\",\"end\":\"17:00\"}]");
        assertThat(calendar.get("holidays")).isEmpty();
    }

    @Test
    void whatWasReadCanBeSentBackAndAStaleETagIsRefused() {
        Api.Response first = ws.putCalendar(BERLIN).expect(200);
        String etag = first.header("ETag").orElseThrow();

        Api.Response again = ws.as("admin", "PUT", "/api/v1/business-calendar")
                .header("If-Match", etag)
                .json(first.body())
                .send()
                .expect(200);
        Api.Response stale = ws.as("admin", "PUT", "/api/v1/business-calendar")
                .header("If-Match", etag)
                .json(Map.of())
                .send();

        assertThat(again.json().get("holidays")).isEqualTo(first.json().get("holidays"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentETag").asText())
                .isEqualTo(again.header("ETag").orElseThrow());
        assertThat(ws.calendar().json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void onlyWhoManagesTheWorkspaceChangesIt() {
        Api.Response refused =
                ws.as("rep", "PUT", "/api/v1/business-calendar").json(BERLIN).send();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ws.calendar().json().get("timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    void anotherWorkspaceNeitherSeesNorChangesTheCalendar() {
        ws.putCalendar(BERLIN).expect(200);
        CalendarWorkspace other = workspaces.create();

        other.putCalendar(Map.of("timeZone", "America/New_York")).expect(200);

        assertThat(other.calendar().json().get("holidays")).isEmpty();
        assertThat(ws.calendar().json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(api.as("globex", "rep@globex.test", "GET", "/api/v1/business-calendar")
                        .send()
                        .expect(200)
                        .json()
                        .get("holidays")
                        .findValuesAsText("name"))
                .doesNotContain("German Unity Day");
    }

    static Map<String, String> hours(String start, String end) {
        return Map.of("start", start, "end", end);
    }
}
