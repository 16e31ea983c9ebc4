package io.salesflow.scoring;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rule sets from draft to active to retired, each test in a workspace of its own. */
@IntegrationTest
class RuleSetLifecycleTest {

    static final String BROKEN_DRL =
            """
            package tenant.rules;
            import io.salesflow.rules.facts.LeadFacts;

            rule "Fine"
                @points(1)
            when
                LeadFacts( country == "de" )
            then
            end

            rule "Odd"
                @points(5)
            when
                LeadFacts( shoeSize > 44 )
            then
            end
            """;

    static final String GERMANY_DRL =
            """
            package tenant.rules;
            import io.salesflow.rules.facts.LeadFacts;

            rule "Germany"
                @points(7)
                @type("FIRMOGRAPHIC")
            when
                LeadFacts( country == "de" )
            then
            end

            rule "Any lead"
                @points(3)
            when
                LeadFacts()
            then
            end
            """;

    @Autowired
    ScoringWorkspaces workspaces;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    ScoringWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
    }

    @Test
    void aNewWorkspaceStartsWithTheDefaultRulesActive() {
        JsonNode sets =
                ws.call("GET", "/api/v1/scoring/rule-sets").send().expect(200).json();
        assertThat(sets).hasSize(1);
        assertThat(sets.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(sets.get(0).get("status").asText()).isEqualTo("active");
        assertThat(sets.get(0).get("kind").asText()).isEqualTo("data");
        assertThat(sets.get(0).get("ruleCount").asInt()).isBetween(30, 50);
        assertThat(sets.get(0).get("createdBy").isNull()).isTrue();
        JsonNode detail = ws.call(
                        "GET",
                        "/api/v1/scoring/rule-sets/" + sets.get(0).get("id").asText())
                .send()
                .expect(200)
                .json();
        assertThat(detail.get("rules")).hasSize(sets.get(0).get("ruleCount").asInt());
        assertThat(detail.get("drl").asText()).contains("rule \"C-level title\"");
    }

    @Test
    void aBrokenDrlIsRefusedWithRuleLineAndMessageAndTheActiveVersionStays() {
        String lead = ws.createLead(LeadScoreApiTest.ceoOfInitech());
        String active = ws.activeRuleSetId();
        String broken = ws.createRuleSet(Map.of("name", "Broken", "kind", "drl", "drl", BROKEN_DRL));

        JsonNode validation = ws.call("POST", "/api/v1/scoring/rule-sets/" + broken + "/validate")
                .send()
                .expect(200)
                .json();
        assertThat(validation.get("valid").asBoolean()).isFalse();
        Api.Response refused = ws.call("POST", "/api/v1/scoring/rule-sets/" + broken + "/activate")
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/rule-set-invalid");
        JsonNode problem = refused.json().get("problems").get(0);
        assertThat(problem.get("rule").asText()).isEqualTo("Odd");
        assertThat(problem.get("line").asInt()).as("the line of its pattern").isEqualTo(14);
        assertThat(problem.get("message").asText()).contains("shoeSize");
        assertThat(validation.get("problems")).isEqualTo(refused.json().get("problems"));
        assertThat(ws.activeRuleSetId()).isEqualTo(active);
        assertThat(statusOf(broken)).isEqualTo("draft");
        assertThat(ws.call("GET", "/api/v1/scoring/rescoring-jobs")
                        .send()
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(ws.score(lead).get("score").asInt()).isEqualTo(65);
    }

    @Test
    void aBrokenOrMissingActiveRuleSetNeverRefusesALead() {
        String broken = ws.createRuleSet(Map.of("name", "Broken", "kind", "drl", "drl", BROKEN_DRL));
        inTenant.run(ws.slug, () -> {
            jdbc.update("UPDATE scoring_rule_sets SET status = 'retired', retired_at = now() WHERE status = 'active'");
            jdbc.update(
                    "UPDATE scoring_rule_sets SET status = 'active', activated_at = now() WHERE id = ?::uuid", broken);
        });

        String underBrokenRules = ws.createLead(LeadScoreApiTest.ceoOfInitech());
        inTenant.run(
                ws.slug,
                () -> jdbc.update(
                        "UPDATE scoring_rule_sets SET status = 'retired', retired_at = now() WHERE status = 'active'"));
        String withoutRules = ws.createLead(LeadScoreApiTest.ceoOfInitech());

        for (String lead : List.of(underBrokenRules, withoutRules)) {
            JsonNode score = ws.score(lead);
            assertThat(score.get("score").isNull()).isTrue();
            assertThat(score.get("explanation").isNull()).isTrue();
            assertThat(ws.history(lead)).isEmpty();
        }
        assertThat(ws.call("POST", "/api/v1/leads/" + withoutRules + "/rescore")
                        .send()
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aRuleWithBadDataIsRefusedByName() {
        Map<String, Object> badRule = Map.of(
                "name",
                "Equals nothing",
                "type",
                "FIRMOGRAPHIC",
                "points",
                5,
                "conditions",
                List.of(Map.of("field", "COUNTRY", "operator", "EQUALS", "values", List.of())));
        String id = ws.createRuleSet(Map.of("name", "Bad data", "rules", List.of(badRule)));

        Api.Response refused =
                ws.call("POST", "/api/v1/scoring/rule-sets/" + id + "/activate").send();

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json().get("problems").get(0);
        assertThat(problem.get("rule").asText()).isEqualTo("Equals nothing");
        assertThat(problem.get("line").isNull()).isTrue();
        assertThat(problem.get("message").asText()).contains("EQUALS");
    }

    @Test
    void activationRescoresEveryLeadAndRollbackRestoresThePreviousVersion() {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(ws.createLead(LeadScoreApiTest.ceoOfInitech()));
        }
        String v1 = ws.activeRuleSetId();
        String v2 = ws.createRuleSet(ScoringWorkspace.flatRules("Flat", 10, "Flat ten"));

        JsonNode activation = ws.activateAndAwait(v2, "activate");

        assertThat(activation.get("replacedVersion").asInt()).isEqualTo(1);
        assertThat(activation.get("ruleSet").get("status").asText()).isEqualTo("active");
        JsonNode job = ws.job(activation.get("rescoringJob").get("id").asText());
        assertThat(job.get("ruleSetVersion").asInt()).isEqualTo(2);
        assertThat(job.get("total").asInt()).isEqualTo(3);
        assertThat(job.get("processed").asInt()).isEqualTo(3);
        assertThat(job.get("changed").asInt()).isEqualTo(3);
        for (String lead : leads) {
            JsonNode score = ws.score(lead);
            assertThat(score.get("score").asInt()).isEqualTo(10);
            assertThat(score.get("band").asText()).isEqualTo("cold");
            assertThat(score.get("ruleSetVersion").asInt()).isEqualTo(2);
            assertThat(LeadScoreApiTest.firedRules(score.get("explanation"))).containsExactly("Flat ten");
            JsonNode latest = ws.history(lead).get(0);
            assertThat(latest.get("reason").asText()).isEqualTo("rule_set_activated:2");
            assertThat(latest.get("ruleSetVersion").asInt()).isEqualTo(2);
            assertThat(latest.get("previousScore").asInt()).isEqualTo(65);
            assertThat(latest.get("change").asInt()).isEqualTo(-55);
        }
        assertThat(statusOf(v1)).isEqualTo("retired");
        assertThat(ws.score(ws.createLead(LeadScoreApiTest.ceoOfInitech()))
                        .get("ruleSetVersion")
                        .asInt())
                .isEqualTo(2);

        JsonNode rollback = ws.activateAndAwait(v2, "rollback");

        assertThat(rollback.get("ruleSet").get("id").asText()).isEqualTo(v1);
        assertThat(rollback.get("replacedVersion").asInt()).isEqualTo(2);
        assertThat(statusOf(v2)).isEqualTo("retired");
        for (String lead : leads) {
            assertThat(ws.score(lead).get("score").asInt()).isEqualTo(65);
            assertThat(ws.history(lead).get(0).get("reason").asText()).isEqualTo("rule_set_activated:1");
        }
        JsonNode again = ws.call("POST", "/api/v1/scoring/rule-sets/" + v1 + "/activate")
                .send()
                .expect(200)
                .json();
        assertThat(again.get("rescoringJob").isNull())
                .as("the active version activates as it is")
                .isTrue();
        assertThat(ws.call("POST", "/api/v1/scoring/rule-sets/" + v2 + "/rollback")
                        .send()
                        .status())
                .as("only the active version rolls back")
                .isEqualTo(409);
    }

    @Test
    void anAdminsDrlScoresWithTypesWhereGiven() {
        String set = ws.createRuleSet(Map.of(
                "name", "Uploaded", "kind", "drl", "drl", GERMANY_DRL, "thresholds", Map.of("hot", 10, "warm", 5)));
        ws.activateAndAwait(set, "activate");

        String lead = ws.createLead(Map.of("company", "Bosch", "country", "DE", "source", "api"));

        JsonNode score = ws.score(lead);
        assertThat(score.get("score").asInt()).isEqualTo(10);
        assertThat(score.get("band").asText()).isEqualTo("hot");
        List<String> typed = new ArrayList<>();
        score.get("explanation")
                .get("fired")
                .forEach(f -> typed.add(f.get("rule").asText() + ":"
                        + f.get("type").asText() + ":" + f.get("points").asInt()));
        assertThat(typed).containsExactlyInAnyOrder("Germany:FIRMOGRAPHIC:7", "Any lead:null:3");
    }

    @Test
    void onlyDraftsChangeAndAStaleVersionIsRefused() {
        Api.Response created = ws.call("POST", "/api/v1/scoring/rule-sets")
                .json(ScoringWorkspace.flatRules("Draft", 5, "Five"))
                .send()
                .expect(201);
        String id = created.json().get("id").asText();
        String etag = created.header("ETag").orElseThrow();
        assertThat(created.json().get("version").asInt()).isEqualTo(2);
        assertThat(created.json().get("drl").asText()).contains("rule \"Five\"", "@points(5)");

        Api.Response renamed = ws.call("PATCH", "/api/v1/scoring/rule-sets/" + id)
                .header("If-Match", etag)
                .json(Map.of("name", "Draft, renamed", "thresholds", Map.of("hot", 80, "warm", 50)))
                .send()
                .expect(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Draft, renamed");
        assertThat(renamed.json().get("thresholds").get("hot").asInt()).isEqualTo(80);
        assertThat(renamed.json().get("ruleCount").asInt()).isEqualTo(1);
        assertThat(ws.call("PATCH", "/api/v1/scoring/rule-sets/" + id)
                        .header("If-Match", etag)
                        .json(Map.of("name", "Lost update"))
                        .send()
                        .status())
                .isEqualTo(412);
        assertField(
                ws.call("PATCH", "/api/v1/scoring/rule-sets/" + id)
                        .json(Map.of("kind", "drl"))
                        .send(),
                "kind");

        ws.activateAndAwait(id, "activate");

        Api.Response frozen = ws.call("PATCH", "/api/v1/scoring/rule-sets/" + id)
                .json(Map.of("name", "Too late"))
                .send();
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(statusOf(id)).isEqualTo("active");
    }

    @Test
    void badRuleSetsNameTheFieldAndWriteNothing() {
        Map<String, Object> rule = Map.of("name", "R", "type", "DEMOGRAPHIC", "points", 1);
        assertField(create(Map.of("kind", "data", "rules", List.of(rule))), "name");
        assertField(create(Map.of("name", "N", "kind", "xml", "rules", List.of(rule))), "kind");
        assertField(
                create(Map.of("name", "N", "rules", List.of(rule), "thresholds", Map.of("hot", 50, "warm", 60))),
                "thresholds.warm");
        assertField(
                create(Map.of("name", "N", "rules", List.of(rule), "thresholds", Map.of("hot", 150, "warm", 60))),
                "thresholds.hot");
        assertField(create(Map.of("name", "N", "kind", "data")), "rules");
        assertField(create(Map.of("name", "N", "kind", "drl", "drl", GERMANY_DRL, "rules", List.of(rule))), "rules");
        assertField(create(Map.of("name", "N", "kind", "drl")), "drl");
        Map<String, Object> misspelt = new HashMap<>(rule);
        misspelt.put("pointz", 3);
        Api.Response unknown = create(Map.of("name", "N", "rules", List.of(misspelt)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("pointz");

        assertThat(ws.call("GET", "/api/v1/scoring/rule-sets")
                        .send()
                        .expect(200)
                        .json())
                .hasSize(1);
    }

    private Api.Response create(Map<String, Object> body) {
        return ws.call("POST", "/api/v1/scoring/rule-sets").json(body).send();
    }

    private String statusOf(String id) {
        return ws.call("GET", "/api/v1/scoring/rule-sets/" + id)
                .send()
                .expect(200)
                .json()
                .get("status")
                .asText();
    }
}
