package io.salesflow.routing;

import static io.salesflow.routing.RoutingWorkspace.setting;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Team members' routing settings and users' absences: who may change them, and what is refused. */
@IntegrationTest
class RoutingSettingsApiTest {

    @Autowired
    RoutingWorkspaces workspaces;

    @Autowired
    Api api;

    @Autowired
    Users users;

    RoutingWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create(2);
    }

    @Test
    void membersTakePartByDefaultAndTheirSettingsAreReplacedAsAWhole() {
        String path = "/api/v1/teams/" + ws.team + "/routing-members";
        JsonNode defaults = ws.as("manager", "GET", path).send().expect(200).json();
        assertThat(defaults.get("members")).hasSize(2);
        assertThat(defaults.get("members").findValuesAsText("weight")).containsOnly("1");
        assertThat(defaults.get("members").findValuesAsText("configured")).containsOnly("false");

        ws.members(List.of(setting(ws.id("rep1"), 3, 5, 20, true)));
        JsonNode set = ws.as("admin", "GET", path).send().expect(200).json();
        JsonNode rep1 = member(set, "rep1");
        assertThat(rep1.get("weight").asInt()).isEqualTo(3);
        assertThat(rep1.get("dailyCap").asInt()).isEqualTo(5);
        assertThat(rep1.get("openCap").asInt()).isEqualTo(20);
        assertThat(rep1.get("configured").asBoolean()).isTrue();
        assertThat(member(set, "rep2").get("configured").asBoolean()).isFalse();

        ws.members(List.of());
        assertThat(ws.as("admin", "GET", path).send().json().get("members").findValuesAsText("configured"))
                .containsOnly("false");
    }

    @Test
    void badMemberSettingsNameTheFieldAndOnlyTeamManagersChangeThem() {
        String path = "/api/v1/teams/" + ws.team + "/routing-members";
        assertField(put(List.of(setting(ws.id("marketing"), 1, null, null, true))), "members[0].userId");
        assertField(
                put(List.of(setting(ws.id("rep1"), 1, null, null, true), setting(ws.id("rep1"), 2, null, null, true))),
                "members[1].userId");
        assertField(put(List.of(setting(ws.id("rep1"), 101, null, null, true))), "members[0].weight");
        assertField(put(List.of(setting(ws.id("rep1"), 1, -1, null, true))), "members[0].dailyCap");
        assertThat(ws.as("admin", "GET", path).send().json().get("members").findValuesAsText("configured"))
                .as("nothing written")
                .containsOnly("false");
        assertThat(ws.as("manager", "PUT", path)
                        .json(Map.of("members", List.of()))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(ws.as("rep1", "GET", path).send().status()).isEqualTo(403);
    }

    @Test
    void usersKeepTheirOwnAbsencesAndUserManagersEveryonesElse() {
        String own = "/api/v1/users/" + ws.id("rep1") + "/absences";
        Map<String, Object> week = Map.of(
                "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "endsAt", Instant.now().plus(8, ChronoUnit.DAYS).toString(),
                "reason", "Conference");
        String id = ws.as("rep1", "POST", own)
                .json(week)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(ws.as("rep1", "GET", own).send().expect(200).json().findValuesAsText("id"))
                .containsExactly(id);
        assertThat(ws.as("manager", "GET", own).send().expect(200).json()).hasSize(1);

        assertThat(ws.as("rep2", "POST", own).json(week).send().status()).isEqualTo(403);
        assertThat(ws.as("rep2", "GET", own).send().status()).isEqualTo(403);
        assertThat(ws.as("manager", "DELETE", own + "/" + id).send().status()).isEqualTo(403);
        ws.as("admin", "POST", "/api/v1/users/" + ws.id("rep2") + "/absences")
                .json(week)
                .send()
                .expect(201);

        assertField(
                ws.as("rep1", "POST", own)
                        .json(Map.of("startsAt", "2030-01-10T00:00:00Z", "endsAt", "2030-01-09T00:00:00Z"))
                        .send(),
                "endsAt");
        assertField(
                ws.as("rep1", "POST", own)
                        .json(Map.of("endsAt", "2030-01-09T00:00:00Z"))
                        .send(),
                "startsAt");
        assertThat(ws.as("rep1", "GET", own).send().json()).hasSize(1);

        assertThat(api.as("globex", "admin@globex.test", "GET", own).send().status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "DELETE", own + "/" + id)
                        .send()
                        .status())
                .isEqualTo(404);
        ws.as("rep1", "DELETE", own + "/" + id).send().expect(204);
        ws.as("rep1", "DELETE", own + "/" + id).send().expect(404);
    }

    private Api.Response put(List<Map<String, Object>> settings) {
        return ws.as("admin", "PUT", "/api/v1/teams/" + ws.team + "/routing-members")
                .json(Map.of("members", settings))
                .send();
    }

    private JsonNode member(JsonNode routing, String name) {
        for (JsonNode m : routing.get("members")) {
            if (m.get("userId").asText().equals(ws.id(name).toString())) {
                return m;
            }
        }
        throw new AssertionError(name + " not in " + routing);
    }
}
