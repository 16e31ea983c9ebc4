package io.salesflow.account;

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
 * Who may read and change whose accounts: reps their own (and read their team's), managers their teams',
 * admins all, auditors read only; other tenants see nothing. Access outside the read scope is a 404.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAccessTest {

    @Autowired
    Api api;

    private final Map<String, String> accountOf = new HashMap<>();

    @BeforeAll
    void accountsOwnedByDifferentPeople() {
        accountOf.putAll(RecordScenarios.ownedBy(
                api,
                "/api/v1/accounts",
                List.of("rep", "rep2", "marketing", "admin"),
                o -> Map.of("name", "Owned by " + o)));
    }

    @ParameterizedTest(name = "{0} reads the account of {1}: {2}")
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
        "auditor, rep, 200",
        "auditor, admin, 200",
        "marketing, rep, 200",
        "support, rep, 200",
        "finance, rep, 200",
        "ops, rep, 200"
    })
    void read(String caller, String owner, int status) {
        RecordScenarios.assertReads(
                api,
                caller,
                "/api/v1/accounts",
                accountOf.get(owner),
                "?limit=200&name[startsWith]=Owned%20by",
                status);
    }

    @ParameterizedTest(name = "{0} changes the account of {1}: {2}")
    @CsvSource({
        "rep, rep, 200",
        "rep, rep2, 403",
        "rep, admin, 404",
        "manager, rep, 200",
        "manager, marketing, 404",
        "admin, marketing, 200",
        "auditor, rep, 403",
        "marketing, rep, 403",
        "support, rep, 403",
        "finance, rep, 403",
        "ops, rep, 403"
    })
    void write(String caller, String owner, int status) {
        assertThat(api.as("acme", caller + "@acme.test", "PATCH", "/api/v1/accounts/" + accountOf.get(owner))
                        .json(Map.of("territory", "Changed by " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} creates an account: {1}")
    @CsvSource({"rep, 201", "manager, 201", "admin, 201", "auditor, 403", "marketing, 403", "finance, 403"})
    void create(String caller, int status) {
        assertThat(api.as("acme", caller + "@acme.test", "POST", "/api/v1/accounts")
                        .json(Map.of("name", "Made by " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @Test
    void aRepCannotGiveAnAccountAwayButTheirManagerCanWithinTheTeam() {
        String rep2 = api.as("acme", "rep2@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        String marketing = api.as("acme", "marketing@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Hand-over"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(api.as("acme", "rep@acme.test", "PATCH", "/api/v1/accounts/" + id)
                        .json(Map.of("ownerId", rep2))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "manager@acme.test", "PATCH", "/api/v1/accounts/" + id)
                        .json(Map.of("ownerId", marketing))
                        .send()
                        .status())
                .isEqualTo(403);
        api.as("acme", "manager@acme.test", "PATCH", "/api/v1/accounts/" + id)
                .json(Map.of("ownerId", rep2))
                .send()
                .expect(200);
    }

    @Test
    void anEmbeddedRecordShowsOnlyWhenTheCallerMayReadIt() {
        String rep = api.as("acme", "rep@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        String child = api.as("acme", "admin@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Child of marketing's", "ownerId", rep, "parentId", accountOf.get("marketing")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        var asRep = api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + child + "?embed=parent,owner")
                .send()
                .expect(200)
                .json();
        assertThat(asRep.get("parentId").asText()).isEqualTo(accountOf.get("marketing"));
        assertThat(asRep.get("parent").isNull())
                .as("the rep may not read the parent")
                .isTrue();
        assertThat(asRep.get("owner").get("email").asText()).isEqualTo("rep@acme.test");
        var asAdmin = api.as("acme", "admin@acme.test", "GET", "/api/v1/accounts/" + child + "?embed=parent")
                .send()
                .expect(200)
                .json();
        assertThat(asAdmin.get("parent").get("name").asText()).isEqualTo("Owned by marketing");
    }

    @Test
    void anotherTenantGets404ForEveryOperationAndSeesNothingInLists() {
        String id = accountOf.get("admin");
        RecordScenarios.assertInvisibleToAnotherTenant(api, "/api/v1/accounts", id, Map.of("name", "Mine"));
        String acmeOwner = api.as("acme", "rep@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/accounts")
                        .json(Map.of("name", "Smuggled", "ownerId", acmeOwner))
                        .send()
                        .status())
                .isEqualTo(400);
    }
}
