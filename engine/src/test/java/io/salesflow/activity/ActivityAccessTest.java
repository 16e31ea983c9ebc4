package io.salesflow.activity;

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
 * Who may read and change whose activities and notes (both under the activities permissions): reps their own
 * and read their team's, managers their teams', marketing and support read all and change their own, admins
 * all, auditors read only, finance nothing; other tenants see nothing, timelines included.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityAccessTest {

    private static final List<String> OWNERS = List.of("rep", "rep2", "marketing", "admin");

    @Autowired
    Api api;

    private String account;
    private final Map<String, Map<String, String>> recordOf = new HashMap<>();

    @BeforeAll
    void recordsOwnedByDifferentPeople() {
        account = api.as("acme", "admin@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Activity access account", "ownerId", userId("rep@acme.test")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        recordOf.put(
                "activities",
                RecordScenarios.ownedBy(
                        api,
                        "/api/v1/activities",
                        OWNERS,
                        o -> Map.of("type", "task", "subject", "Access task of " + o, "accountId", account)));
        recordOf.put(
                "notes",
                RecordScenarios.ownedBy(
                        api,
                        "/api/v1/notes",
                        OWNERS,
                        o -> Map.of("body", "Access note of " + o, "accountId", account)));
    }

    @ParameterizedTest(name = "{0} reads the {2} of {1}: {3}")
    @CsvSource({
        "rep, rep, activities, 200",
        "rep, rep2, activities, 200",
        "rep, marketing, activities, 404",
        "rep, admin, notes, 404",
        "rep, rep2, notes, 200",
        "manager, rep, activities, 200",
        "manager, rep2, notes, 200",
        "manager, marketing, activities, 404",
        "admin, marketing, notes, 200",
        "auditor, rep, activities, 200",
        "auditor, admin, notes, 200",
        "marketing, rep, activities, 200",
        "support, admin, notes, 200",
        "ops, rep, activities, 200"
    })
    void read(String caller, String owner, String collection, int status) {
        RecordScenarios.assertReads(
                api,
                caller,
                "/api/v1/" + collection,
                recordOf.get(collection).get(owner),
                "?limit=200&accountId=" + account,
                status);
    }

    @ParameterizedTest(name = "finance may not read {0}")
    @CsvSource({"activities", "notes"})
    void financeReadsNoActivities(String collection) {
        assertThat(api.as("acme", "finance@acme.test", "GET", "/api/v1/" + collection)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as(
                                "acme",
                                "finance@acme.test",
                                "GET",
                                "/api/v1/" + collection + "/"
                                        + recordOf.get(collection).get("rep"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} changes the {2} of {1}: {3}")
    @CsvSource({
        "rep, rep, activities, 200",
        "rep, rep, notes, 200",
        "rep, rep2, activities, 403",
        "rep, rep2, notes, 403",
        "rep, admin, activities, 404",
        "manager, rep, notes, 200",
        "manager, marketing, activities, 404",
        "admin, marketing, activities, 200",
        "auditor, rep, notes, 403",
        "marketing, rep, activities, 403",
        "marketing, marketing, notes, 200",
        "support, rep, activities, 403",
        "finance, rep, activities, 403",
        "ops, rep, notes, 403"
    })
    void write(String caller, String owner, String collection, int status) {
        Map<String, Object> change = collection.equals("notes") ? Map.of("pinned", true) : Map.of("priority", "high");
        assertThat(api.as(
                                "acme",
                                caller + "@acme.test",
                                "PATCH",
                                "/api/v1/" + collection + "/"
                                        + recordOf.get(collection).get(owner))
                        .json(change)
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} creates an activity and a note: {1}")
    @CsvSource({
        "rep, 201",
        "manager, 201",
        "admin, 201",
        "marketing, 201",
        "support, 201",
        "auditor, 403",
        "finance, 403",
        "ops, 403"
    })
    void create(String caller, int status) {
        String email = caller + "@acme.test";
        assertThat(api.as("acme", email, "POST", "/api/v1/activities")
                        .json(Map.of("type", "call", "subject", "Made by " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
        String contact = api.as("acme", "admin@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("lastName", "Readable by all " + caller, "ownerId", userId(email)))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(api.as("acme", email, "POST", "/api/v1/notes")
                        .json(Map.of("body", "Made by " + caller, "contactId", contact))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @Test
    void timelinesShowOnlyTheActivitiesAndNotesTheCallerMayRead() {
        List<String> repSees = timelineIds("rep");
        assertThat(repSees)
                .contains(
                        recordOf.get("activities").get("rep"),
                        recordOf.get("notes").get("rep2"))
                .doesNotContain(
                        recordOf.get("activities").get("marketing"),
                        recordOf.get("notes").get("admin"));
        assertThat(timelineIds("admin"))
                .contains(
                        recordOf.get("activities").get("marketing"),
                        recordOf.get("notes").get("admin"));
        assertThat(timelineIds("auditor")).contains(recordOf.get("notes").get("marketing"));
        List<String> financeSees = timelineIds("finance");
        assertThat(financeSees)
                .as("finance reads the account and its changes, not its activities")
                .isNotEmpty()
                .doesNotContainAnyElementsOf(recordOf.get("activities").values())
                .doesNotContainAnyElementsOf(recordOf.get("notes").values());
    }

    @Test
    void anotherTenantGets404ForEveryOperationAndTimelineAndSeesNothingInLists() {
        for (String collection : List.of("activities", "notes")) {
            String id = recordOf.get(collection).get("admin");
            RecordScenarios.assertInvisibleToAnotherTenant(
                    api, "/api/v1/" + collection, id, Map.of("tags", List.of("mine")));
            assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/" + collection + "/" + id + "/timeline")
                            .send()
                            .status())
                    .isEqualTo(404);
        }
        for (String type : List.of("accounts", "contacts", "leads", "deals")) {
            String acmeRecord = api.as("acme", "admin@acme.test", "GET", "/api/v1/" + type + "?limit=1")
                    .send()
                    .expect(200)
                    .json()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asText();
            assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/" + type + "/" + acmeRecord + "/timeline")
                            .send()
                            .status())
                    .as("timeline of an acme %s", type)
                    .isEqualTo(404);
        }
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/notes")
                        .json(Map.of("body", "Smuggled", "accountId", account))
                        .send()
                        .status())
                .isEqualTo(400);
    }

    private List<String> timelineIds(String caller) {
        return api.as("acme", caller + "@acme.test", "GET", "/api/v1/accounts/" + account + "/timeline?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")
                .findValuesAsText("id");
    }

    private String userId(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }
}
