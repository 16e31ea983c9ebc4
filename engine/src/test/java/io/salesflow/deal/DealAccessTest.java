package io.salesflow.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordScenarios;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may read and change whose deals, by the deals scopes of each role: reps read their team's and change
 * their own, managers their teams', admins all; finance, auditors and process operators read all and change
 * nothing; marketing and support have no deals at all. Other tenants see nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealAccessTest {

    @Autowired
    Api api;

    private final Map<String, String> dealOf = new HashMap<>();

    @BeforeAll
    void dealsOwnedByDifferentPeople() {
        dealOf.putAll(RecordScenarios.ownedBy(
                api,
                "/api/v1/deals",
                List.of("rep", "rep2", "marketing", "admin"),
                o -> Map.of("name", "Deal of " + o, "amount", 100, "currency", "USD")));
    }

    @ParameterizedTest(name = "{0} reads the deal of {1}: {2}")
    @CsvSource({
        "rep, rep, 200",
        "rep, rep2, 200",
        "rep, marketing, 404",
        "rep, admin, 404",
        "manager, rep, 200",
        "manager, rep2, 200",
        "manager, marketing, 404",
        "admin, rep, 200",
        "admin, marketing, 200",
        "finance, rep, 200",
        "finance, admin, 200",
        "auditor, rep, 200",
        "auditor, admin, 200",
        "ops, rep, 200"
    })
    void read(String caller, String owner, int status) {
        RecordScenarios.assertReads(
                api, caller, "/api/v1/deals", dealOf.get(owner), "?limit=200&name[startsWith]=Deal%20of", status);
    }

    @ParameterizedTest(name = "{0} without deals permissions: {1} {2}")
    @CsvSource({
        "marketing, GET, /api/v1/deals",
        "marketing, GET, /api/v1/deals/{id}",
        "marketing, PATCH, /api/v1/deals/{id}",
        "marketing, POST, /api/v1/deals",
        "support, GET, /api/v1/deals",
        "support, GET, /api/v1/deals/{id}/history",
        "support, DELETE, /api/v1/deals/{id}",
        "support, POST, /api/v1/deals/{id}/restore"
    })
    void rolesWithoutDealsPermissionsAreForbiddenEverything(String caller, String method, String path) {
        assertThat(api.as("acme", caller + "@acme.test", method, path.replace("{id}", dealOf.get("rep")))
                        .json(Map.of("name", "Mine now"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} changes the deal of {1}: {2}")
    @CsvSource({
        "rep, rep, 200",
        "rep, rep2, 403",
        "rep, admin, 404",
        "manager, rep, 200",
        "manager, marketing, 404",
        "admin, marketing, 200",
        "finance, rep, 403",
        "auditor, rep, 403",
        "ops, rep, 403"
    })
    void write(String caller, String owner, int status) {
        assertThat(api.as("acme", caller + "@acme.test", "PATCH", "/api/v1/deals/" + dealOf.get(owner))
                        .json(Map.of("closeNote", "Changed by " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} creates a deal: {1}")
    @CsvSource({"rep, 201", "manager, 201", "admin, 201", "finance, 403", "auditor, 403", "ops, 403"})
    void create(String caller, int status) {
        assertThat(api.as("acme", caller + "@acme.test", "POST", "/api/v1/deals")
                        .json(Map.of("name", "Made by " + caller, "amount", 1, "currency", "USD"))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @Test
    void aRepDeletesAndRestoresOnlyTheirOwnDeals() {
        String mine = api.as("acme", "rep@acme.test", "POST", "/api/v1/deals")
                .json(Map.of("name", "Short-lived", "amount", 1, "currency", "USD"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(api.as("acme", "rep2@acme.test", "DELETE", "/api/v1/deals/" + mine)
                        .send()
                        .status())
                .isEqualTo(403);
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/deals/" + mine)
                .send()
                .expect(204);
        assertThat(api.as("acme", "rep2@acme.test", "POST", "/api/v1/deals/" + mine + "/restore")
                        .send()
                        .status())
                .isEqualTo(403);
        api.as("acme", "rep@acme.test", "POST", "/api/v1/deals/" + mine + "/restore")
                .send()
                .expect(200);
    }

    @Test
    void anotherTenantGets404ForEveryOperationAndSeesNothingInLists() {
        String id = dealOf.get("admin");
        RecordScenarios.assertInvisibleToAnotherTenant(api, "/api/v1/deals", id, Map.of("name", "Mine"));

        String acmePipeline = api.as("acme", "admin@acme.test", "GET", "/api/v1/deals/" + id)
                .send()
                .json()
                .get("pipelineId")
                .asText();
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/deals")
                        .json(Map.of("name", "Smuggled", "amount", 1, "currency", "USD", "pipelineId", acmePipeline))
                        .send()
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("pipelineId");
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/deals")
                        .json(Map.of("name", "Smuggled", "amount", 1, "currency", "USD", "ownerId", userId("rep")))
                        .send()
                        .status())
                .isEqualTo(400);
    }

    private String userId(String name) {
        return api.as("acme", name + "@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }
}
