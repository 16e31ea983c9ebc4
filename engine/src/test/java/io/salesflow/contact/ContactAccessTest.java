package io.salesflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordScenarios;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may read and change whose contacts: reps their own (and read their team's), managers their teams',
 * admins all; auditors, marketing, support and finance read all and change nothing; other tenants see
 * nothing. Access outside the read scope is a 404.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactAccessTest {

    @Autowired
    Api api;

    private final String tag = "access-" + UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> contactOf = new HashMap<>();

    @BeforeAll
    void contactsOwnedByDifferentPeople() {
        contactOf.putAll(RecordScenarios.ownedBy(
                api,
                "/api/v1/contacts",
                List.of("rep", "rep2", "marketing", "admin"),
                o -> Map.of("lastName", "Owned by " + o, "tags", List.of(tag))));
    }

    @ParameterizedTest(name = "{0} reads the contact of {1}: {2}")
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
        "marketing, admin, 200",
        "support, rep, 200",
        "support, admin, 200",
        "finance, rep, 200",
        "finance, admin, 200",
        "ops, rep, 200"
    })
    void read(String caller, String owner, int status) {
        RecordScenarios.assertReads(
                api, caller, "/api/v1/contacts", contactOf.get(owner), "?limit=200&tags[has]=" + tag, status);
    }

    @ParameterizedTest(name = "{0} changes the contact of {1}: {2}")
    @CsvSource({
        "rep, rep, 200",
        "rep, rep2, 403",
        "rep, admin, 404",
        "manager, rep, 200",
        "manager, rep2, 200",
        "manager, marketing, 404",
        "admin, marketing, 200",
        "auditor, rep, 403",
        "marketing, rep, 403",
        "support, rep, 403",
        "finance, rep, 403",
        "ops, rep, 403"
    })
    void write(String caller, String owner, int status) {
        assertThat(api.as("acme", caller + "@acme.test", "PATCH", "/api/v1/contacts/" + contactOf.get(owner))
                        .json(Map.of("title", "Changed by " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} deletes and restores a contact of {1}: {2}")
    @CsvSource({"rep, rep, 204", "rep, rep2, 403", "manager, rep2, 204", "auditor, rep, 403", "support, rep, 403"})
    void deleteAndRestore(String caller, String owner, int status) {
        String id = api.as("acme", "admin@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("lastName", "Deletable", "ownerId", userId(owner)))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String path = "/api/v1/contacts/" + id;
        assertThat(api.as("acme", caller + "@acme.test", "DELETE", path).send().status())
                .isEqualTo(status);
        if (status != 204) {
            api.as("acme", "admin@acme.test", "DELETE", path).send().expect(204);
        }
        assertThat(api.as("acme", caller + "@acme.test", "POST", path + "/restore")
                        .send()
                        .status())
                .isEqualTo(status == 204 ? 200 : status);
    }

    @ParameterizedTest(name = "{0} creates a contact: {1}")
    @CsvSource({
        "rep, 201",
        "manager, 201",
        "admin, 201",
        "auditor, 403",
        "marketing, 403",
        "support, 403",
        "finance, 403",
        "ops, 403"
    })
    void create(String caller, int status) {
        assertThat(api.as("acme", caller + "@acme.test", "POST", "/api/v1/contacts")
                        .json(Map.of("lastName", "Made by " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @Test
    void aRepLinksContactsOnlyToAccountsTheyCanRead() {
        String hidden = api.as("acme", "admin@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Marketing's account", "ownerId", userId("marketing")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + hidden)
                .send()
                .expect(404);
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/contacts")
                        .json(Map.of("lastName", "Linked", "accountId", hidden))
                        .send()
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("accountId");
        api.as("acme", "admin@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("lastName", "Linked", "accountId", hidden))
                .send()
                .expect(201);
    }

    @Test
    void aRepCannotGiveAContactAwayButTheirManagerCanWithinTheTeam() {
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("lastName", "Hand-over"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String path = "/api/v1/contacts/" + id;
        assertThat(api.as("acme", "rep@acme.test", "PATCH", path)
                        .json(Map.of("ownerId", userId("rep2")))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "manager@acme.test", "PATCH", path)
                        .json(Map.of("ownerId", userId("marketing")))
                        .send()
                        .status())
                .isEqualTo(403);
        api.as("acme", "manager@acme.test", "PATCH", path)
                .json(Map.of("ownerId", userId("rep2")))
                .send()
                .expect(200);
    }

    @Test
    void anotherTenantGets404ForEveryOperationAndSeesNothingInLists() {
        String id = contactOf.get("admin");
        RecordScenarios.assertInvisibleToAnotherTenant(api, "/api/v1/contacts", id, Map.of("title", "Mine"));
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/contacts")
                        .json(Map.of("lastName", "Smuggled", "ownerId", userId("rep")))
                        .send()
                        .status())
                .isEqualTo(400);
        api.as("acme", "admin@acme.test", "GET", "/api/v1/contacts/" + id)
                .send()
                .expect(200);
    }

    private String userId(String name) {
        return api.as("acme", name + "@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }
}
