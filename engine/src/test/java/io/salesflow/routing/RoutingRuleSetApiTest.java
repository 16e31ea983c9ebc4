package io.salesflow.routing;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rule set versions: checked before they are saved or activated, swapped atomically, rolled back. */
@IntegrationTest
class RoutingRuleSetApiTest {

    @Autowired
    RoutingWorkspaces workspaces;

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    RoutingWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create(1);
    }

    @Test
    void aBrokenRuleSetIsRefusedWithItsProblemsAndTheActiveOneStays() {
        JsonNode active = ws.activateCountries("DE");
        int versions = count();

        Map<String, Object> oneValueBetween =
                RoutingWorkspace.rule("Berlin", ws.team, 5, "POSTAL_CODE", "BETWEEN", "10115");
        Map<String, Object> unknownTeam =
                RoutingWorkspace.rule("Nowhere", UUID.randomUUID(), 5, "COUNTRY", "EQUALS", "FR");
        Api.Response refused = ws.as("admin", "POST", "/api/v1/routing/rule-sets")
                .json(Map.of("rules", List.of(oneValueBetween, unknownTeam)))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problems = refused.json().get("problems");
        assertThat(problems.findValuesAsText("rule")).containsExactlyInAnyOrder("Berlin", "Nowhere");
        assertThat(problems.findValues("line"))
                .allSatisfy(line -> assertThat(line.isInt()).isTrue());
        assertThat(problems.get(0).get("message").asText()).isNotBlank();
        assertThat(problems.toString()).contains("BETWEEN on POSTAL_CODE takes 2 values", "team must be the id");
        assertThat(count()).as("nothing saved").isEqualTo(versions);
        assertThat(ws.as("admin", "POST", "/api/v1/routing/rule-sets/validate")
                        .json(Map.of("rules", List.of(oneValueBetween)))
                        .send()
                        .status())
                .isEqualTo(422);

        JsonNode list = ws.as("admin", "GET", "/api/v1/routing/rule-sets")
                .send()
                .expect(200)
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(active.get("id").asText());
        assertThat(list.get(0).get("status").asText()).isEqualTo("active");
        assertThat(ws.leadFrom("marketing", "DE").get("ownerId").asText())
                .as("routing goes on with the active version")
                .isEqualTo(ws.id("rep1").toString());
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() {
        int versions = count();
        Map<String, Object> rule = RoutingWorkspace.rule("R", ws.team, 1, "COUNTRY", "EQUALS", "DE");
        assertField(post(Map.of("rules", List.of(rule), "colour", "red")), "colour");
        assertField(post(Map.of("rules", "all of them")), "rules");
        assertField(post(Map.of("rules", List.of(rule), "version", "v9")), "version");
        Map<String, Object> badField = RoutingWorkspace.rule("R", ws.team, 1, "SHOE_SIZE", "EQUALS", "42");
        assertField(post(Map.of("rules", List.of(badField))), "rules[0].conditions[0].field");
        Map<String, Object> extra = new java.util.HashMap<>(rule);
        extra.put("weight", 3);
        assertField(post(Map.of("rules", List.of(extra))), "rules[0].weight");
        assertThat(count()).isEqualTo(versions);
    }

    @Test
    void validationShowsTheDrlAndActivationSwapsVersionsWhichRollBack() {
        Map<String, Object> germany = RoutingWorkspace.rule("Germany", ws.team, 1, "COUNTRY", "EQUALS", "DE");
        JsonNode validation = ws.as("admin", "POST", "/api/v1/routing/rule-sets/validate")
                .json(Map.of("rules", List.of(germany)))
                .send()
                .expect(200)
                .json();
        assertThat(validation.get("valid").asBoolean()).isTrue();
        assertThat(validation.get("drl").asText()).contains("rule \"Germany\"");

        JsonNode v1 = ws.activate(List.of(germany));
        JsonNode v2 = ws.as("admin", "POST", "/api/v1/routing/rule-sets")
                .json(Map.of("rules", List.of(RoutingWorkspace.rule("France", ws.team, 1, "COUNTRY", "EQUALS", "FR"))))
                .send()
                .expect(201)
                .json();
        assertThat(v2.get("number").asInt()).isEqualTo(v1.get("number").asInt() + 1);
        assertThat(v2.get("status").asText()).isEqualTo("draft");
        assertThat(ws.leadFrom("marketing", "FR").get("ownerId").asText())
                .as("a draft routes nothing")
                .isEqualTo(ws.id("marketing").toString());

        ws.as("admin", "POST", "/api/v1/routing/rule-sets/" + v2.get("id").asText() + "/activate")
                .send()
                .expect(200);
        assertThat(status(v1)).isEqualTo("retired");
        assertThat(ws.leadFrom("marketing", "FR").get("ownerId").asText())
                .isEqualTo(ws.id("rep1").toString());
        assertThat(ws.leadFrom("marketing", "DE").get("ownerId").asText())
                .isEqualTo(ws.id("marketing").toString());
        assertThat(ws.as(
                                "admin",
                                "PUT",
                                "/api/v1/routing/rule-sets/" + v2.get("id").asText())
                        .json(Map.of("rules", List.of(germany)))
                        .send()
                        .status())
                .as("an active version never changes")
                .isEqualTo(409);

        JsonNode rolledBack = ws.as("admin", "POST", "/api/v1/routing/rule-sets/rollback")
                .send()
                .expect(200)
                .json();
        assertThat(rolledBack.get("id").asText()).isEqualTo(v1.get("id").asText());
        assertThat(status(v2)).isEqualTo("retired");
        JsonNode lead = ws.leadFrom("marketing", "DE");
        assertThat(lead.get("ownerId").asText()).isEqualTo(ws.id("rep1").toString());
        assertThat(ws.assignments("marketing", lead.get("id").asText())
                        .get(0)
                        .get("ruleSetVersion")
                        .asInt())
                .isEqualTo(v1.get("number").asInt());
    }

    @Test
    void draftsChangeAndGoWhileKeepingTheirETag() {
        JsonNode draft = ws.as("admin", "POST", "/api/v1/routing/rule-sets")
                .json(Map.of("rules", List.of(RoutingWorkspace.rule("A", ws.team, 1, "COUNTRY", "EQUALS", "DE"))))
                .send()
                .expect(201)
                .json();
        String path = "/api/v1/routing/rule-sets/" + draft.get("id").asText();
        Map<String, Object> body = Map.of(
                "unassignedQueue", ws.team.toString(),
                "rules", List.of(RoutingWorkspace.rule("B", ws.team, 1, "LANGUAGE", "STARTS_WITH_ANY", "de")));
        assertThat(ws.as("admin", "PUT", path)
                        .header("If-Match", "\"99\"")
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(412);
        JsonNode changed = ws.as("admin", "PUT", path)
                .header("If-Match", "\"" + draft.get("version").asText() + "\"")
                .json(body)
                .send()
                .expect(200)
                .json();
        assertThat(changed.get("rules").findValuesAsText("name")).containsExactly("B");
        assertThat(changed.get("unassignedQueue").asText()).isEqualTo(ws.team.toString());
        ws.as("admin", "DELETE", path).send().expect(204);
        ws.as("admin", "GET", path).send().expect(404);
    }

    @Test
    void onlyRuleManagersTouchRulesAndOtherWorkspacesSeeNone() {
        JsonNode active = ws.activateCountries("DE");
        String path = "/api/v1/routing/rule-sets/" + active.get("id").asText();
        ws.as("rep1", "GET", "/api/v1/routing/rule-sets").send().expect(403);
        ws.as("rep1", "POST", "/api/v1/routing/rule-sets/rollback").send().expect(403);
        ws.as("manager", "POST", path + "/activate").send().expect(403);
        ws.as("marketing", "GET", path).send().expect(200);

        assertThat(api.as("globex", "admin@globex.test", "GET", path).send().status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", path + "/activate")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/teams/" + ws.team + "/routing-members")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private Api.Response post(Object body) {
        return ws.as("admin", "POST", "/api/v1/routing/rule-sets").json(body).send();
    }

    private String status(JsonNode version) {
        return ws.as(
                        "admin",
                        "GET",
                        "/api/v1/routing/rule-sets/" + version.get("id").asText())
                .send()
                .expect(200)
                .json()
                .get("status")
                .asText();
    }

    private int count() {
        return inTenant.call(
                ws.slug, () -> jdbc.queryForObject("SELECT count(*) FROM routing_rule_sets", Integer.class));
    }
}
