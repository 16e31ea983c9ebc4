package io.salesflow.routing;

import static io.salesflow.routing.RoutingWorkspace.setting;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input to the routing endpoints gets a problem naming the field and changes nothing: member settings,
 * absences, reassignments, the unassigned queue, assignment history and rule sets.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingBadInputTest {

    @Autowired
    RoutingWorkspaces workspaces;

    RoutingWorkspace ws;

    @BeforeAll
    void workspace() {
        ws = workspaces.create(2);
        ws.activateCountries("DE");
    }

    @Test
    void memberSettingsOutOfRangeOrMissingNameTheFieldAndKeepTheOldOnes() {
        String path = "/api/v1/teams/" + ws.team + "/routing-members";
        JsonNode before = ws.as("admin", "GET", path).send().expect(200).json();

        assertField(put(List.of(setting(ws.id("rep1"), 1, null, -1, true))), "members[0].openCap");
        assertField(put(List.of(setting(ws.id("rep1"), -1, null, null, true))), "members[0].weight");
        Map<String, Object> noUser = new HashMap<>(setting(ws.id("rep1"), 1, null, null, true));
        noUser.remove("userId");
        assertField(put(List.of(noUser)), "members[0].userId");
        Map<String, Object> heavy = new HashMap<>(setting(ws.id("rep1"), 1, null, null, true));
        heavy.put("weight", "heavy");
        assertField(put(List.of(heavy)), "members[0].weight");
        assertField(ws.as("admin", "PUT", path).json(Map.of()).send(), "members");

        assertThat(ws.as("admin", "GET", path).send().expect(200).json()).isEqualTo(before);
    }

    @Test
    void absencesNeedTwoTimesInOrderAndAShortReason() {
        String path = "/api/v1/users/" + ws.id("rep2") + "/absences";
        int before = ws.as("admin", "GET", path).send().expect(200).json().size();

        assertField(absence(Map.of("startsAt", "2030-01-01T00:00:00Z")), "endsAt");
        assertField(absence(Map.of("startsAt", "next monday", "endsAt", "2030-01-09T00:00:00Z")), "startsAt");
        assertField(absence(Map.of("startsAt", "2030-01-01T00:00:00Z", "endsAt", "2030-01-01T00:00:00Z")), "endsAt");
        assertField(
                absence(Map.of(
                        "startsAt",
                        "2030-01-01T00:00:00Z",
                        "endsAt",
                        "2030-01-09T00:00:00Z",
                        "reason",
                        "x".repeat(501))),
                "reason");

        assertThat(ws.as("admin", "GET", path).send().expect(200).json()).hasSize(before);
    }

    @Test
    void aReassignmentToNobodyKnownOrWithAStaleVersionChangesNothing() {
        JsonNode lead = ws.leadFrom("marketing", "DE");
        String id = lead.get("id").asText();
        String owner = lead.get("ownerId").asText();
        String other =
                ws.id(owner.equals(ws.id("rep1").toString()) ? "rep2" : "rep1").toString();
        String path = "/api/v1/leads/" + id + "/reassign";

        assertField(reassign(path, Map.of("ownerId", other, "reason", "x".repeat(1001))), "reason");
        assertField(reassign(path, Map.of("ownerId", "rep-one", "reason", "Swap")), "ownerId");
        assertField(reassign(path, Map.of("ownerId", UUID.randomUUID().toString(), "reason", "Swap")), "ownerId");
        assertField(
                reassign(
                        path,
                        Map.of("ownerId", other, "teamId", UUID.randomUUID().toString(), "reason", "Swap")),
                "teamId");
        Api.Response stale = ws.as("manager", "POST", path)
                .header("If-Match", "\"999\"")
                .json(Map.of("ownerId", other, "reason", "Swap"))
                .send();
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        JsonNode after = ws.as("manager", "GET", "/api/v1/leads/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(after.get("ownerId").asText()).isEqualTo(owner);
        assertThat(ws.assignments("manager", id)).hasSize(1);
    }

    @Test
    void queueAndHistoryReadsRefuseBadLimitsCursorsAndIds() {
        assertField(
                ws.as("manager", "GET", "/api/v1/routing/unassigned?limit=0").send(), "limit");
        assertField(
                ws.as("manager", "GET", "/api/v1/routing/unassigned?limit=201").send(), "limit");
        assertField(
                ws.as("manager", "GET", "/api/v1/routing/unassigned?limit=abc").send(), "limit");
        assertField(
                ws.as("manager", "GET", "/api/v1/routing/unassigned?cursor=garbage")
                        .send(),
                "cursor");
        assertField(
                ws.as("manager", "GET", "/api/v1/leads/not-a-uuid/assignments").send(), "id");
        Api.Response unknown = ws.as("manager", "GET", "/api/v1/leads/" + UUID.randomUUID() + "/assignments")
                .send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void ruleSetsWithABadOperatorPriorityOrQueueAreRefusedAndNothingIsSaved() {
        int versions = ws.as("admin", "GET", "/api/v1/routing/rule-sets")
                .send()
                .expect(200)
                .json()
                .size();
        Map<String, Object> rule = RoutingWorkspace.rule("R", ws.team, 1, "COUNTRY", "LIKE", "de");

        assertField(post(Map.of("rules", List.of(rule))), "rules[0].conditions[0].operator");
        assertThat(ws.as("admin", "POST", "/api/v1/routing/rule-sets")
                        .json(List.of(Map.of("rules", List.of())))
                        .send()
                        .status())
                .isEqualTo(400);
        Api.Response tooHigh =
                post(Map.of("rules", List.of(RoutingWorkspace.rule("R", ws.team, 10_001, "COUNTRY", "IN", "de"))));
        assertThat(tooHigh.status()).as(tooHigh.body()).isIn(400, 422);
        assertThat(tooHigh.contentType()).startsWith("application/problem+json");
        assertThat(tooHigh.body()).contains("priority");
        Api.Response notATeam = post(Map.of(
                "unassignedQueue",
                UUID.randomUUID().toString(),
                "rules",
                List.of(RoutingWorkspace.rule("R", ws.team, 1, "COUNTRY", "IN", "de"))));
        assertThat(notATeam.status()).as(notATeam.body()).isIn(400, 422);
        assertThat(notATeam.contentType()).startsWith("application/problem+json");
        assertThat(notATeam.body()).contains("unassigned queue").contains("no team of this workspace");

        assertThat(ws.as("admin", "GET", "/api/v1/routing/rule-sets")
                        .send()
                        .expect(200)
                        .json())
                .hasSize(versions);
    }

    private Api.Response put(List<Map<String, Object>> members) {
        return ws.as("admin", "PUT", "/api/v1/teams/" + ws.team + "/routing-members")
                .json(Map.of("members", members))
                .send();
    }

    private Api.Response absence(Map<String, Object> body) {
        return ws.as("admin", "POST", "/api/v1/users/" + ws.id("rep2") + "/absences")
                .json(body)
                .send();
    }

    private Api.Response reassign(String path, Map<String, Object> body) {
        return ws.as("manager", "POST", path).json(body).send();
    }

    private Api.Response post(Map<String, Object> body) {
        return ws.as("admin", "POST", "/api/v1/routing/rule-sets").json(body).send();
    }
}
