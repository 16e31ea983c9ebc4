package io.salesflow.scoring;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every scoring endpoint answers bad input with a problem naming the field, and saves nothing: previews, score
 * reads, rescoring jobs and rule sets, in a workspace of its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringBadInputTest {

    private static final Map<String, Object> RULE = Map.of("name", "R", "type", "DEMOGRAPHIC", "points", 1);

    @Autowired
    Api api;

    @Autowired
    Tenants tenants;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    ScoringWorkspace ws;
    String lead;

    @BeforeAll
    void workspace() {
        ws = ScoringWorkspace.create(api, tenants, inTenant, users);
        lead = ws.createLead(Map.of("lastName", "Bad input", "country", "DE", "source", "referral"));
    }

    @Test
    void aPreviewNeedsALeadAndExactlyOneRuleSet() {
        Map<String, Object> draft = Map.of("kind", "data", "rules", List.of(RULE));
        String saved = ws.activeRuleSetId();

        assertField(preview(Map.of("ruleSet", draft)), "leadId");
        assertField(preview(Map.of("leadId", lead)), "ruleSet");
        assertField(preview(Map.of("leadId", lead, "ruleSetId", saved, "ruleSet", draft)), "ruleSet");
        assertField(preview(Map.of("leadId", "not-a-uuid", "ruleSet", draft)), "leadId");
        assertProblem(preview(Map.of("leadId", UUID.randomUUID().toString(), "ruleSet", draft)), 404);
        assertProblem(
                preview(Map.of("leadId", lead, "ruleSetId", UUID.randomUUID().toString())), 404);
        assertField(preview(Map.of("leadId", lead, "ruleSet", Map.of("kind", "data"))), "rules");

        JsonNode withSaved =
                preview(Map.of("leadId", lead, "ruleSetId", saved)).expect(200).json();
        assertThat(withSaved.get("score").asInt())
                .as("the saved active version scores as it did at creation")
                .isEqualTo(ws.score(lead).get("score").asInt());
        assertThat(withSaved.get("explanation").get("ruleSetVersion").asInt()).isEqualTo(1);
    }

    @Test
    void scoreReadsRefuseBadIdsLimitsAndCursors() {
        String base = "/api/v1/leads/" + lead;
        assertField(ws.call("GET", "/api/v1/leads/not-a-uuid/score").send(), "id");
        assertProblem(
                ws.call("GET", "/api/v1/leads/" + UUID.randomUUID() + "/score").send(), 404);
        assertProblem(
                ws.call("POST", "/api/v1/leads/" + UUID.randomUUID() + "/rescore")
                        .send(),
                404);
        assertField(ws.call("GET", base + "/score-history?limit=0").send(), "limit");
        assertField(ws.call("GET", base + "/score-history?limit=201").send(), "limit");
        assertField(ws.call("GET", base + "/score-history?limit=many").send(), "limit");
        assertField(ws.call("GET", base + "/score-history?cursor=garbage").send(), "cursor");
        assertField(ws.call("GET", "/api/v1/scoring/rescoring-jobs?limit=0").send(), "limit");
        assertField(ws.call("GET", "/api/v1/scoring/rescoring-jobs?limit=101").send(), "limit");
        assertField(
                ws.call("GET", "/api/v1/scoring/rescoring-jobs?cursor=garbage").send(), "cursor");
        assertProblem(
                ws.call("GET", "/api/v1/scoring/rescoring-jobs/" + UUID.randomUUID())
                        .send(),
                404);
    }

    @Test
    void rulesWithUnknownTypesFieldsOperatorsOrPropertiesNameTheFieldAndSaveNothing() {
        int versions = ruleSetCount();
        assertField(create(rule(Map.of("type", "PSYCHIC"))), "rules[0].type");
        assertField(
                create(rule(Map.of("conditions", List.of(condition("SHOE_SIZE", "EQUALS", "44"))))),
                "rules[0].conditions[0].field");
        assertField(
                create(rule(Map.of("conditions", List.of(condition("COUNTRY", "LIKE", "de"))))),
                "rules[0].conditions[0].operator");
        assertField(create(rule(Map.of("points", "lots"))), "rules[0].points");
        assertField(create(rule(Map.of("pointz", 3))), "rules[0].pointz");
        assertField(create(Map.of("name", "N", "rules", "all of them")), "rules");

        assertThat(ruleSetCount()).as("nothing saved").isEqualTo(versions);

        // A draft may be saved unfinished; validating (and activating) it tells which rule is wrong and why.
        String tagEquals =
                ws.createRuleSet(rule(Map.of("conditions", List.of(condition("ACCOUNT_TAGS", "EQUALS", "abm")))));
        JsonNode validation = ws.call("POST", "/api/v1/scoring/rule-sets/" + tagEquals + "/validate")
                .send()
                .expect(200)
                .json();
        assertThat(validation.get("valid").asBoolean()).isFalse();
        Api.Response refused = ws.call("POST", "/api/v1/scoring/rule-sets/" + tagEquals + "/activate")
                .send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("problems").get(0).get("rule").asText()).isEqualTo("R");
        assertThat(refused.json().get("problems").get(0).get("message").asText())
                .isEqualTo("ACCOUNT_TAGS is a list: use CONTAINS_ANY, PRESENT or ABSENT");
        assertThat(validation.get("problems")).isEqualTo(refused.json().get("problems"));
        assertThat(ws.activeRuleSetId()).isNotEqualTo(tagEquals);
    }

    @Test
    void aDraftPatchedWithBadThresholdsKeepsItsOwn() {
        String draft = ws.createRuleSet(Map.of("name", "Draft", "kind", "data", "rules", List.of(RULE)));
        String path = "/api/v1/scoring/rule-sets/" + draft;

        assertField(
                ws.call("PATCH", path)
                        .json(Map.of("thresholds", Map.of("hot", 30, "warm", 60)))
                        .send(),
                "thresholds.warm");
        assertField(
                ws.call("PATCH", path)
                        .json(Map.of("thresholds", Map.of("hot", -1, "warm", 0)))
                        .send(),
                "thresholds.hot");

        JsonNode kept = ws.call("GET", path).send().expect(200).json();
        assertThat(kept.get("thresholds").get("hot").asInt()).isEqualTo(70);
        assertThat(kept.get("thresholds").get("warm").asInt()).isEqualTo(40);
    }

    private Map<String, Object> rule(Map<String, Object> with) {
        Map<String, Object> rule = new HashMap<>(RULE);
        rule.putAll(with);
        return Map.of("name", "N", "kind", "data", "rules", List.of(rule));
    }

    private static Map<String, Object> condition(String field, String operator, String value) {
        return Map.of("field", field, "operator", operator, "values", List.of(value));
    }

    private int ruleSetCount() {
        return ws.call("GET", "/api/v1/scoring/rule-sets")
                .send()
                .expect(200)
                .json()
                .size();
    }

    private Api.Response create(Map<String, Object> body) {
        return ws.call("POST", "/api/v1/scoring/rule-sets").json(body).send();
    }

    private Api.Response preview(Map<String, Object> body) {
        return ws.call("POST", "/api/v1/scoring/preview").json(body).send();
    }

    private static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
