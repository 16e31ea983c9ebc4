package io.salesflow.scoring;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace of its own for a test that changes the active scoring rules, so that no other test sees them:
 * provisioned like any new tenant (with the default rules as version 1), with one org admin.
 */
final class ScoringWorkspace {

    static final String PASSWORD = "A-long-passphrase-9";

    final String slug;
    final UUID tenantId;
    private final Api api;
    private final String token;

    private ScoringWorkspace(String slug, UUID tenantId, Api api, String token) {
        this.slug = slug;
        this.tenantId = tenantId;
        this.api = api;
        this.token = token;
    }

    static ScoringWorkspace create(Api api, Tenants tenants, InTenant inTenant, Users users) {
        String slug = "scoring-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tenant = tenants.provision(slug, "Scoring test " + slug).getId();
        inTenant.run(slug, () -> users.ensure("admin@" + slug + ".test", "Admin", PASSWORD, List.of("org_admin")));
        String token = api.login(slug, "admin@" + slug + ".test", PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
        return new ScoringWorkspace(slug, tenant, api, token);
    }

    Api.Call call(String method, String path) {
        return api.call(method, path).bearer(token);
    }

    String createLead(Map<String, Object> body) {
        return call("POST", "/api/v1/leads")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    String activeRuleSetId() {
        for (JsonNode set :
                call("GET", "/api/v1/scoring/rule-sets").send().expect(200).json()) {
            if (set.get("status").asText().equals("active")) {
                return set.get("id").asText();
            }
        }
        throw new AssertionError("no active rule set in " + slug);
    }

    String createRuleSet(Map<String, Object> body) {
        return call("POST", "/api/v1/scoring/rule-sets")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** Activates the rule set and waits for its rescoring job to complete; answers the activation. */
    JsonNode activateAndAwait(String ruleSetId, String path) {
        JsonNode activation = call("POST", "/api/v1/scoring/rule-sets/" + ruleSetId + "/" + path)
                .send()
                .expect(200)
                .json();
        awaitJob(activation.get("rescoringJob").get("id").asText());
        return activation;
    }

    JsonNode awaitJob(String jobId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> job(jobId), j -> j.get("status").asText().equals("completed"));
    }

    JsonNode job(String jobId) {
        return call("GET", "/api/v1/scoring/rescoring-jobs/" + jobId)
                .send()
                .expect(200)
                .json();
    }

    JsonNode score(String leadId) {
        return call("GET", "/api/v1/leads/" + leadId + "/score")
                .send()
                .expect(200)
                .json();
    }

    JsonNode history(String leadId) {
        return call("GET", "/api/v1/leads/" + leadId + "/score-history?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items");
    }

    /** A data rule set whose every rule gives a lead {@code points} when it exists, named as given. */
    static Map<String, Object> flatRules(String name, int points, String... ruleNames) {
        List<Map<String, Object>> rules = java.util.Arrays.stream(ruleNames)
                .map(r -> Map.<String, Object>of("name", r, "type", "DEMOGRAPHIC", "points", points))
                .toList();
        return Map.of("name", name, "kind", "data", "rules", rules);
    }
}
