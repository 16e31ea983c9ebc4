package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class DemoDataTest {

    @Autowired
    Api api;

    @Autowired
    DemoData demoData;

    @Autowired
    Tenants tenants;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyDemoUserSignsInWithTheDemoPasswordAndHasTheirRole() {
        for (DemoData.DemoUser user : DemoData.ACME) {
            JsonNode me = api.as("acme", user.email(), "GET", "/api/v1/me")
                    .send()
                    .expect(200)
                    .json();
            assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactlyElementsOf(user.roles());
        }
        for (DemoData.DemoUser user : DemoData.GLOBEX) {
            api.as("globex", user.email(), "GET", "/api/v1/me").send().expect(200);
        }
    }

    @Test
    void teamEastIsManagedByTheManagerWithBothReps() {
        JsonNode manager =
                api.as("acme", "manager@acme.test", "GET", "/api/v1/me").send().json();
        assertThat(manager.get("teams").get(0).get("name").asText()).isEqualTo("East");
        JsonNode rep2 =
                api.as("acme", "rep2@acme.test", "GET", "/api/v1/me").send().json();
        assertThat(rep2.get("teams").get(0).get("name").asText()).isEqualTo("East");
    }

    @Test
    void acmeHasARealisticBookOfBusinessAndGlobexASmallerDistinctOne() {
        assertThat(count("acme", "accounts")).isGreaterThanOrEqualTo(100);
        assertThat(count("acme", "contacts")).isGreaterThanOrEqualTo(500);
        assertThat(count("acme", "leads")).isGreaterThanOrEqualTo(200);
        List<String> statuses = inTenant.call(
                "acme", () -> jdbc.queryForList("SELECT DISTINCT status FROM leads ORDER BY 1", String.class));
        assertThat(statuses).contains("new", "contacted", "qualified", "unqualified", "converted");
        assertThat(count("acme", "deals")).isGreaterThanOrEqualTo(100);
        UUID[] demoDeals = java.util.stream.IntStream.range(0, 100)
                .mapToObj(n ->
                        UUID.nameUUIDFromBytes(("acme/deal/" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .toArray(UUID[]::new);
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForObject(
                                "SELECT count(DISTINCT pipeline_id) FROM deals WHERE id = ANY (?)",
                                Integer.class,
                                (Object) demoDeals)))
                .as("demo deals use the Sales and the Renewals pipeline")
                .isEqualTo(2);
        assertThat(inTenant.call("acme", () -> jdbc.queryForList("SELECT DISTINCT status FROM deals", String.class)))
                .contains("open", "won", "lost");
        assertThat(count("globex", "accounts")).isBetween(1, 99);
        List<String> acmeNames =
                inTenant.call("acme", () -> jdbc.queryForList("SELECT name FROM accounts", String.class));
        List<String> globexIds =
                inTenant.call("globex", () -> jdbc.queryForList("SELECT id::text FROM accounts", String.class));
        List<String> acmeIds =
                inTenant.call("acme", () -> jdbc.queryForList("SELECT id::text FROM accounts", String.class));
        assertThat(globexIds).doesNotContainAnyElementsOf(acmeIds);
        assertThat(acmeNames).contains("North Systems");
        JsonNode page = api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts?limit=5&embed=account")
                .send()
                .expect(200)
                .json();
        assertThat(page.get("items")).hasSize(5);
    }

    @Test
    void acmeHasActivitiesInEveryStatusAndNotesThatMentionColleagues() {
        UUID[] activities = demoIds("acme", "activity", 300);
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForList(
                                "SELECT DISTINCT status FROM activities WHERE id = ANY (?)", String.class, (Object)
                                        activities)))
                .containsExactlyInAnyOrder("pending", "overdue", "completed", "cancelled");
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForList(
                                "SELECT DISTINCT type FROM activities WHERE id = ANY (?)", String.class, (Object)
                                        activities)))
                .contains("call", "email", "meeting", "task", "deadline");
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForObject(
                                """
                                SELECT count(*) FROM activities WHERE id = ANY (?)
                                AND (status = 'completed') = (outcome IS NOT NULL)
                                AND num_nonnulls(account_id, contact_id, lead_id, deal_id) > 0
                                """,
                                Integer.class,
                                (Object) activities)))
                .as("every demo activity is linked; the completed ones, and only they, have an outcome")
                .isEqualTo(300);
        UUID[] notes = demoIds("acme", "note", 80);
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM notes WHERE id = ANY (?) AND cardinality(mentions) > 0",
                                Integer.class,
                                (Object) notes)))
                .isGreaterThanOrEqualTo(10);
        JsonNode mentioned = api.as(
                        "acme",
                        "manager@acme.test",
                        "GET",
                        "/api/v1/notes?mentionedUserIds[has]="
                                + api.as("acme", "manager@acme.test", "GET", "/api/v1/me")
                                        .send()
                                        .json()
                                        .get("id")
                                        .asText())
                .send()
                .expect(200)
                .json();
        assertThat(mentioned.get("items")).isNotEmpty();
        assertThat(count("globex", "activities")).isBetween(1, 299);
        assertThat(count("globex", "notes")).isBetween(1, 79);
    }

    @Test
    void theDuplicatesQueueHoldsLeadsContactsAndAnAccountEnteredTwice() {
        for (String type : List.of("lead", "contact", "account")) {
            JsonNode pairs = api.as("acme", "admin@acme.test", "GET", "/api/v1/duplicates?type=" + type + "&limit=200")
                    .send()
                    .expect(200)
                    .json()
                    .get("items");
            List<String> ids = new java.util.ArrayList<>();
            pairs.forEach(p -> ids.add(p.get("record").get("id").asText()));
            pairs.forEach(p -> ids.add(p.get("candidate").get("id").asText()));
            assertThat(ids)
                    .as(type)
                    .contains(
                            DemoRecords.id("acme", type + "-again", 0).toString(),
                            DemoRecords.id("acme", type, 0).toString());
        }
    }

    @Test
    void theManagerOfEastHasLeadsRoutingCouldNotPlaceAndOneTaskAboutThem() {
        JsonNode task = managersQueueTask();
        assertThat(task.get("subject").asText()).isEqualTo("Assign the leads routing could not place");
        assertThat(task.get("priority").asText()).isEqualTo("high");
        List<String> queue = api.as("acme", "manager@acme.test", "GET", "/api/v1/routing/unassigned?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")
                .findValuesAsText("name");
        assertThat(queue).contains("Camila Duarte", "Haruto Sato", "Grace Okafor");
    }

    /** The manager's open task about the unassigned leads page, once routing's event has reached the activities. */
    private JsonNode managersQueueTask() {
        return await().atMost(DurableEventProbe.PATIENCE)
                .until(
                        () -> api.as(
                                        "acme",
                                        "manager@acme.test",
                                        "GET",
                                        "/api/v1/activities?type=task&status=pending&page=/leads/unassigned")
                                .send()
                                .expect(200)
                                .json()
                                .get("items"),
                        items -> items.size() == 1)
                .get(0);
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        managersQueueTask(); // the demo's last asynchronous write, not to be counted half done
        int acmeUsers = userCount("acme");
        int globexUsers = userCount("globex");
        int teams = api.as("acme", "admin@acme.test", "GET", "/api/v1/teams")
                .send()
                .json()
                .size();
        int roles = api.as("acme", "admin@acme.test", "GET", "/api/v1/roles")
                .send()
                .json()
                .size();

        int accounts = count("acme", "accounts");
        int contacts = count("acme", "contacts");
        int leads = count("acme", "leads");
        int deals = count("acme", "deals");
        int activities = count("acme", "activities");
        int notes = count("acme", "notes");
        int globexActivities = count("globex", "activities");
        int pairs = count("acme", "duplicate_candidates");
        demoData.load("Salesflow-demo-1");
        assertThat(count("acme", "accounts")).isEqualTo(accounts);
        assertThat(count("acme", "contacts")).isEqualTo(contacts);
        assertThat(count("acme", "leads")).isEqualTo(leads);
        assertThat(count("acme", "deals")).isEqualTo(deals);
        assertThat(count("acme", "activities")).isEqualTo(activities);
        assertThat(count("acme", "notes")).isEqualTo(notes);
        assertThat(count("globex", "activities")).isEqualTo(globexActivities);
        assertThat(count("acme", "duplicate_candidates")).isEqualTo(pairs);

        assertThat(userCount("acme")).isEqualTo(acmeUsers);
        assertThat(userCount("globex")).isEqualTo(globexUsers);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/teams")
                        .send()
                        .json()
                        .size())
                .isEqualTo(teams);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/roles")
                        .send()
                        .json()
                        .size())
                .isEqualTo(roles);
        assertThat(tenants.all()).extracting(t -> t.getSlug()).containsAll(List.of("acme", "globex"));
    }

    private int count(String tenant, String table) {
        return inTenant.call(tenant, () -> jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class));
    }

    private static UUID[] demoIds(String slug, String kind, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(n -> UUID.nameUUIDFromBytes(
                        (slug + "/" + kind + "/" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .toArray(UUID[]::new);
    }

    private int userCount(String tenant) {
        return api.as(tenant, "admin@" + tenant + ".test", "GET", "/api/v1/users?limit=200")
                .send()
                .json()
                .get("items")
                .size();
    }
}
