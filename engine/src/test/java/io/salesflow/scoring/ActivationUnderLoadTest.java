package io.salesflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.rules.scoring.DefaultRuleSets;
import io.salesflow.rules.scoring.FiredRule;
import io.salesflow.rules.scoring.ScoringFacts;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Activation while leads are being scored: every stored explanation comes from one whole version, and once
 * the activation's job completed no lead is left on the old one.
 */
@IntegrationTest
class ActivationUnderLoadTest {

    static final int LEADS = 40;

    /** What the default rules (version 1) fire for every lead of this test, all alike: nothing more or less. */
    static final List<String> V1_FIRED = DefaultRuleSets.compiledScoring()
            .score(new ScoringFacts(
                    LeadFacts.builder()
                            .company("Load")
                            .email("p@load.example")
                            .country("US")
                            .source("api")
                            .build(),
                    List.of(),
                    Instant.now()))
            .fired()
            .stream()
            .map(FiredRule::rule)
            .toList();

    @Autowired
    ScoringWorkspaces workspaces;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void leadsScoredWhileARuleSetIsActivatedEachCarryOneWholeVersion() throws Exception {
        ScoringWorkspace ws = workspaces.create();
        String v2 = ws.createRuleSet(ScoringWorkspace.flatRules("Load", 2, "Load A", "Load B", "Load C"));
        Set<String> v2Rules = Set.of("Load A", "Load B", "Load C");

        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch someCreated = new CountDownLatch(8);
        List<Future<String>> creations = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            int n = i;
            creations.add(pool.submit(() -> {
                String id = ws.createLead(Map.of(
                        "company", "Load " + n, "email", "p" + n + "@load.example", "country", "US", "source", "api"));
                someCreated.countDown();
                return id;
            }));
        }
        Future<JsonNode> activation = pool.submit(() -> {
            someCreated.await();
            return ws.call("POST", "/api/v1/scoring/rule-sets/" + v2 + "/activate")
                    .send()
                    .expect(200)
                    .json();
        });
        for (Future<String> creation : creations) {
            creation.get(120, TimeUnit.SECONDS);
        }
        ws.awaitJob(activation
                .get(120, TimeUnit.SECONDS)
                .get("rescoringJob")
                .get("id")
                .asText());
        pool.shutdown();

        List<Map<String, Object>> explanations = inTenant.call(
                ws.slug,
                () -> jdbc.queryForList(
                        "SELECT rule_set_version, explanation::text AS explanation FROM lead_score_explanations"));
        List<Map<String, Object>> history = inTenant.call(
                ws.slug,
                () -> jdbc.queryForList(
                        "SELECT rule_set_version, explanation::text AS explanation FROM lead_score_history"));
        assertThat(explanations).hasSize(LEADS);
        assertThat(history).hasSizeGreaterThanOrEqualTo(LEADS);
        for (Map<String, Object> row : concat(explanations, history)) {
            int version = (Integer) row.get("rule_set_version");
            JsonNode explanation = json.readTree((String) row.get("explanation"));
            List<String> fired = LeadScoreApiTest.firedRules(explanation);
            assertThat(explanation.get("ruleSetVersion").asInt()).isEqualTo(version);
            assertThat(explanation.get("rawTotal").asInt()).isEqualTo(LeadScoreApiTest.pointsOf(explanation));
            if (version == 2) {
                assertThat(fired).containsExactlyInAnyOrderElementsOf(v2Rules);
            } else {
                assertThat(version).isEqualTo(1);
                assertThat(fired).containsExactlyInAnyOrderElementsOf(V1_FIRED);
            }
        }
        assertThat(history)
                .as("the leads created before the activation were scored with version 1")
                .filteredOn(row -> row.get("rule_set_version").equals(1))
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(explanations)
                .as("after the activation's job no lead keeps the old version")
                .allSatisfy(row -> assertThat(row.get("rule_set_version")).isEqualTo(2));
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
