package io.salesflow.routing;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Try on this lead" for routing: decided as a real assignment is, with no trace of its own. */
@IntegrationTest
class RoutingPreviewTest {

    @Autowired
    RoutingWorkspaces workspaces;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    RoutingWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create(2);
    }

    @Test
    void aPreviewPicksWhomTheNextRealAssignmentPicksAndLeavesNoTrace() {
        String lead = ws.leadFrom("marketing", "DE").get("id").asText();
        JsonNode active = ws.activate(List.of(ws.countriesRule("DACH", "DE", "AT", "CH")));
        Map<String, Object> before = trace();

        JsonNode first =
                preview(Map.of("leadId", lead, "ruleSetId", active.get("id").asText()));
        JsonNode second =
                preview(Map.of("leadId", lead, "ruleSetId", active.get("id").asText()));

        assertThat(first.get("assigned").asBoolean()).isTrue();
        assertThat(first.get("rule").asText()).isEqualTo("DACH");
        assertThat(first.get("ruleSetNumber").asInt())
                .isEqualTo(active.get("number").asInt());
        assertThat(first.get("teamId").asText()).isEqualTo(ws.team.toString());
        assertThat(first.get("teamName").asText()).isEqualTo("Inside");
        assertThat(first.get("candidates").findValuesAsText("verdict"))
                .containsExactlyInAnyOrder("chosen", "passed_over");
        assertThat(second).as("the round robin did not move").isEqualTo(first);
        assertThat(trace()).as("no assignment, state, audit entry or event").isEqualTo(before);

        JsonNode real = ws.leadFrom("marketing", "DE");
        JsonNode assignment =
                ws.assignments("marketing", real.get("id").asText()).get(0);
        assertThat(real.get("ownerId").asText()).isEqualTo(first.get("userId").asText());
        assertThat(assignment.get("rule").asText()).isEqualTo(first.get("rule").asText());
        assertThat(assignment.get("teamId").asText())
                .isEqualTo(first.get("teamId").asText());
        assertThat(assignment.get("reason").asText())
                .isEqualTo(first.get("reason").asText());
        assertThat(assignment.get("candidates").findValuesAsText("verdict"))
                .isEqualTo(first.get("candidates").findValuesAsText("verdict"));

        JsonNode after =
                preview(Map.of("leadId", lead, "ruleSetId", active.get("id").asText()));
        assertThat(after.get("userId").asText())
                .as("the preview reads the state the real assignment advanced")
                .isNotEqualTo(first.get("userId").asText());
    }

    @Test
    void anUnsavedDraftIsTriedWithoutSavingIt() {
        String lead = ws.leadFrom("marketing", "FR").get("id").asText();
        int versions = versions();

        Map<String, Object> germany = ws.countriesRule("Germany", "DE");
        JsonNode none = preview(Map.of("leadId", lead, "ruleSet", Map.of("rules", List.of(germany))));
        assertThat(none.get("assigned").asBoolean()).isFalse();
        assertThat(none.get("rule").isNull()).isTrue();
        assertThat(none.get("userId").isNull()).isTrue();
        assertThat(none.get("reason").asText()).contains("no rule of draft matched", "unassigned");

        Map<String, Object> europe = ws.countriesRule("Europe", "DE", "FR");
        Map<String, Object> france = RoutingWorkspace.rule("France", ws.team, 20, "COUNTRY", "EQUALS", "FR");
        JsonNode placed = preview(Map.of("leadId", lead, "ruleSet", Map.of("rules", List.of(germany, europe, france))));
        assertThat(placed.get("rule").asText()).isEqualTo("France");
        assertThat(placed.get("matches").findValuesAsText("rule")).containsExactly("France", "Europe");
        assertThat(placed.get("ruleSetNumber").isNull()).isTrue();
        assertThat(placed.get("userName").asText()).startsWith("rep");
        assertThat(placed.get("reason").asText()).contains("also matched: Europe");
        assertThat(versions()).as("nothing saved").isEqualTo(versions);
    }

    @Test
    void skippedRepsSayWhy() {
        String lead = ws.leadFrom("marketing", "DE").get("id").asText();
        ws.members(List.of(RoutingWorkspace.setting(ws.id("rep1"), 1, null, null, false)));
        JsonNode preview =
                preview(Map.of("leadId", lead, "ruleSet", Map.of("rules", List.of(ws.countriesRule("DE", "DE")))));
        assertThat(preview.get("userId").asText()).isEqualTo(ws.id("rep2").toString());
        JsonNode rep1 = candidate(preview, ws.id("rep1"));
        assertThat(rep1.get("verdict").asText()).isEqualTo("skipped");
        assertThat(rep1.get("reason").asText()).contains("weight 0");
    }

    @Test
    void badInputIsRefusedWithTheFieldOrTheRuleProblems() {
        String lead = ws.leadFrom("marketing", "DE").get("id").asText();
        JsonNode active = ws.activateCountries("DE");
        Map<String, Object> draft = Map.of("rules", List.of(ws.countriesRule("DE", "DE")));

        assertField(post(Map.of("ruleSetId", active.get("id").asText())), "leadId");
        assertField(post(Map.of("leadId", lead)), "ruleSet");
        assertField(post(Map.of("leadId", lead, "ruleSetId", active.get("id").asText(), "ruleSet", draft)), "ruleSet");
        assertField(post(Map.of("leadId", lead, "ruleSet", "all of them")), "ruleSet");
        Map<String, Object> extra = new HashMap<>(ws.countriesRule("DE", "DE"));
        extra.put("weight", 3);
        assertField(
                post(Map.of("leadId", lead, "ruleSet", Map.of("rules", List.of(extra)))), "ruleSet.rules[0].weight");

        Map<String, Object> oneValueBetween =
                RoutingWorkspace.rule("Berlin", ws.team, 5, "POSTAL_CODE", "BETWEEN", "10115");
        Map<String, Object> unknownTeam =
                RoutingWorkspace.rule("Nowhere", UUID.randomUUID(), 5, "COUNTRY", "EQUALS", "FR");
        Api.Response invalid =
                post(Map.of("leadId", lead, "ruleSet", Map.of("rules", List.of(oneValueBetween, unknownTeam))));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("problems").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("Berlin", "Nowhere");

        assertThat(post(Map.of(
                                "leadId",
                                UUID.randomUUID().toString(),
                                "ruleSetId",
                                active.get("id").asText()))
                        .status())
                .isEqualTo(404);
        assertThat(post(Map.of("leadId", lead, "ruleSetId", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(404);
        assertThat(ws.as("rep1", "POST", "/api/v1/routing/preview")
                        .json(Map.of("leadId", lead, "ruleSet", draft))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aLeadOfAnotherWorkspaceIsNotFound() {
        RoutingWorkspace other = workspaces.create(1);
        String theirs = other.leadFrom("marketing", "DE").get("id").asText();
        Api.Response response =
                post(Map.of("leadId", theirs, "ruleSet", Map.of("rules", List.of(ws.countriesRule("DE", "DE")))));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private JsonNode preview(Map<String, Object> body) {
        return post(body).expect(200).json();
    }

    private Api.Response post(Map<String, Object> body) {
        return ws.as("admin", "POST", "/api/v1/routing/preview").json(body).send();
    }

    private static JsonNode candidate(JsonNode preview, UUID user) {
        for (JsonNode c : preview.get("candidates")) {
            if (c.get("userId").asText().equals(user.toString())) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + user + " in " + preview);
    }

    private int versions() {
        return inTenant.call(
                ws.slug, () -> jdbc.queryForObject("SELECT count(*) FROM routing_rule_sets", Integer.class));
    }

    /** What a routing decision could leave behind in the workspace, and the durable events of everyone. */
    private Map<String, Object> trace() {
        return inTenant.call(ws.slug, () -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("states", jdbc.queryForList("SELECT * FROM rep_distribution_state ORDER BY team_id, user_id"));
            t.put("assignments", jdbc.queryForObject("SELECT count(*) FROM lead_assignments", Long.class));
            t.put("audit", jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class));
            t.put("leads", jdbc.queryForList("SELECT id, owner_id, team_id, version FROM leads ORDER BY id"));
            return t;
        });
    }
}
