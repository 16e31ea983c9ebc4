package io.salesflow.routing;

import static io.salesflow.routing.RoutingWorkspace.setting;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import io.salesflow.support.TableReads;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** New leads from marketing, admins and API keys are routed to a rep of the chosen team, with the reason kept. */
@IntegrationTest
class LeadRoutingTest {

    @Autowired
    RoutingWorkspaces workspaces;

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    @Autowired
    UnassignedLeadProbe probe;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Autowired
    AssignmentLog assignments;

    RoutingWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create(2);
        ws.activateCountries("DE", "AT", "CH");
    }

    @Test
    void aLeadFromMarketingGoesToARepOfTheTeamWithTheExplanationKept() {
        JsonNode lead = ws.leadFrom("marketing", "DE");

        UUID owner = UUID.fromString(lead.get("ownerId").asText());
        assertThat(owner).isIn(ws.id("rep1"), ws.id("rep2"));
        assertThat(lead.get("teamId").asText()).isEqualTo(ws.team.toString());
        JsonNode assignment =
                ws.assignments("marketing", lead.get("id").asText()).get(0);
        assertThat(assignment.get("kind").asText()).isEqualTo("automatic");
        assertThat(assignment.get("ownerId").asText()).isEqualTo(owner.toString());
        assertThat(assignment.get("previousOwnerId").asText())
                .isEqualTo(ws.id("marketing").toString());
        assertThat(assignment.get("rule").asText()).isEqualTo("Countries");
        assertThat(assignment.get("ruleSetVersion").asInt()).isEqualTo(1);
        assertThat(assignment.get("reason").asText()).contains("rule \"Countries\"", "\"Inside\"", "round robin");
        assertThat(assignment.get("candidates")).hasSize(2);
        assertThat(assignment.get("candidates").findValuesAsText("verdict"))
                .containsExactlyInAnyOrder("chosen", "passed_over");
        JsonNode chosen = candidate(assignment, owner);
        assertThat(chosen.get("verdict").asText()).isEqualTo("chosen");
        assertThat(chosen.get("reason").asText()).contains("highest credit");

        JsonNode history = ws.as(
                        "marketing", "GET", "/api/v1/leads/" + lead.get("id").asText() + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.findValuesAsText("field")).contains("ownerId", "teamId");
    }

    @Test
    void aRepKeepsTheLeadTheyCaptureAndANamedOwnerIsKept() {
        JsonNode own = ws.leadFrom("rep1", "DE");
        assertThat(own.get("ownerId").asText()).isEqualTo(ws.id("rep1").toString());
        assertThat(ws.assignments("rep1", own.get("id").asText())).isEmpty();

        JsonNode named = ws.as("marketing", "POST", "/api/v1/leads")
                .json(Map.of(
                        "company",
                        "Named",
                        "source",
                        "event",
                        "country",
                        "DE",
                        "ownerId",
                        ws.id("marketing").toString()))
                .send()
                .expect(201)
                .json();
        assertThat(named.get("ownerId").asText()).isEqualTo(ws.id("marketing").toString());
        assertThat(ws.assignments("marketing", named.get("id").asText())).isEmpty();
    }

    @Test
    void aLeadFromAnApiKeyIsRouted() {
        String key = ws.as("admin", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "Web form", "scopes", List.of("leads:read", "leads:write")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        JsonNode lead = api.post("/api/v1/leads")
                .bearer(key)
                .json(Map.of("lastName", "Formfill", "source", "web_form", "country", "AT"))
                .send()
                .expect(201)
                .json();
        assertThat(UUID.fromString(lead.get("ownerId").asText())).isIn(ws.id("rep1"), ws.id("rep2"));
    }

    @Test
    void anAbsentRepIsSkippedUntilTheAbsenceIsOver() {
        JsonNode absence = ws.as("rep1", "POST", "/api/v1/users/" + ws.id("rep1") + "/absences")
                .json(Map.of(
                        "startsAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "endsAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                        "reason",
                        "Holiday"))
                .send()
                .expect(201)
                .json();
        for (int i = 0; i < 3; i++) {
            JsonNode lead = ws.leadFrom("marketing", "CH");
            assertThat(lead.get("ownerId").asText()).isEqualTo(ws.id("rep2").toString());
            JsonNode skipped =
                    candidate(ws.assignments("admin", lead.get("id").asText()).get(0), ws.id("rep1"));
            assertThat(skipped.get("verdict").asText()).isEqualTo("skipped");
            assertThat(skipped.get("reason").asText()).startsWith("out of office until");
        }
        ws.as(
                        "rep1",
                        "DELETE",
                        "/api/v1/users/" + ws.id("rep1") + "/absences/"
                                + absence.get("id").asText())
                .send()
                .expect(204);
        List<String> afterwards = List.of(
                ws.leadFrom("marketing", "CH").get("ownerId").asText(),
                ws.leadFrom("marketing", "CH").get("ownerId").asText());
        assertThat(afterwards)
                .as("the rep back joins the rotation at par")
                .containsExactlyInAnyOrder(
                        ws.id("rep1").toString(), ws.id("rep2").toString());
    }

    @Test
    void aDeactivatedRepIsSkipped() {
        ws.as("admin", "PATCH", "/api/v1/users/" + ws.id("rep2"))
                .json(Map.of("status", "DEACTIVATED"))
                .send()
                .expect(200);
        for (int i = 0; i < 3; i++) {
            JsonNode lead = ws.leadFrom("marketing", "DE");
            assertThat(lead.get("ownerId").asText()).isEqualTo(ws.id("rep1").toString());
            JsonNode skipped =
                    candidate(ws.assignments("admin", lead.get("id").asText()).get(0), ws.id("rep2"));
            assertThat(skipped.get("verdict").asText()).isEqualTo("skipped");
            assertThat(skipped.get("reason").asText()).isEqualTo("deactivated");
        }
    }

    @Test
    void aLeadNoRulePlacesStaysWithItsCreatorIsQueuedAndAnnounced() {
        JsonNode lead = ws.leadFrom("marketing", "BR");
        String id = lead.get("id").asText();

        assertThat(lead.get("ownerId").asText()).isEqualTo(ws.id("marketing").toString());
        assertThat(lead.get("teamId").isNull()).isTrue();
        JsonNode assignment = ws.assignments("marketing", id).get(0);
        assertThat(assignment.get("kind").asText()).isEqualTo("unassigned");
        assertThat(assignment.get("reason").asText())
                .isEqualTo("no rule of v1 matched; the lead stays unassigned, with whoever brought it in");
        assertThat(events.of(LeadUnassigned.class)).anySatisfy(e -> {
            assertThat(e.leadId().toString()).isEqualTo(id);
            assertThat(e.teamId()).isNull();
            assertThat(e.managerId()).isNull();
        });
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(UUID.fromString(id)));
        JsonNode task = awaitQueueTask("marketing");
        assertThat(task.get("ownerId").asText())
                .as("without a team, the creator is asked to place it")
                .isEqualTo(ws.id("marketing").toString());
        assertThat(ws.as("marketing", "GET", "/api/v1/routing/unassigned")
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("leadId"))
                .contains(id);
    }

    @Test
    void aLeadNoRulePlacesGoesToTheUnassignedQueueTeamAndItsManagerGetsTheTask() {
        useTheTeamAsUnassignedQueue();

        String id = ws.leadFrom("marketing", "BR").get("id").asText();

        JsonNode assignment = ws.assignments("marketing", id).get(0);
        assertThat(assignment.get("kind").asText()).isEqualTo("unassigned");
        assertThat(assignment.get("reason").asText())
                .as("the queue's team by its name")
                .endsWith("the lead goes to the unassigned queue \"Inside\"");
        assertThat(events.of(LeadUnassigned.class)).anySatisfy(e -> {
            assertThat(e.leadId().toString()).isEqualTo(id);
            assertThat(e.teamId()).isEqualTo(ws.team);
            assertThat(e.managerId()).isEqualTo(ws.id("manager"));
        });
        JsonNode task = awaitQueueTask("manager");
        assertThat(task.get("ownerId").asText())
                .as("the manager of the queue's team is asked to place it")
                .isEqualTo(ws.id("manager").toString());
        assertThat(ws.as("manager", "GET", "/api/v1/routing/unassigned")
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("leadId"))
                .contains(id);
    }

    @Test
    void whenNoRepIsAvailableTheLeadWaitsInTheTeamAndItsManagerHearsOfIt() {
        ws.members(List.of(setting(ws.id("rep1"), 1, null, null, false), setting(ws.id("rep2"), 0, null, null, true)));
        JsonNode lead = ws.leadFrom("marketing", "DE");
        String id = lead.get("id").asText();

        assertThat(lead.get("ownerId").asText()).isEqualTo(ws.id("marketing").toString());
        assertThat(lead.get("teamId").asText()).isEqualTo(ws.team.toString());
        JsonNode assignment = ws.assignments("marketing", id).get(0);
        assertThat(assignment.get("kind").asText()).isEqualTo("unassigned");
        assertThat(assignment.get("reason").asText()).contains("no rep in the team is available");
        assertThat(assignment.get("candidates").findValuesAsText("verdict")).containsOnly("skipped");
        assertThat(events.of(LeadUnassigned.class)).anySatisfy(e -> {
            assertThat(e.leadId().toString()).isEqualTo(id);
            assertThat(e.teamId()).isEqualTo(ws.team);
            assertThat(e.managerId()).isEqualTo(ws.id("manager"));
        });
        JsonNode queue = ws.as("manager", "GET", "/api/v1/routing/unassigned")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(queue.findValuesAsText("leadId"))
                .as("the team's manager sees it")
                .contains(id);
        JsonNode task = awaitQueueTask("manager");
        assertThat(task.get("ownerId").asText()).isEqualTo(ws.id("manager").toString());
        assertThat(task.get("priority").asText()).isEqualTo("high");
        assertThat(task.get("status").asText()).isEqualTo("pending");

        ws.as("manager", "POST", "/api/v1/leads/" + id + "/reassign")
                .json(Map.of("ownerId", ws.id("rep1").toString(), "reason", "Rita covers while the team is paused"))
                .send()
                .expect(200);
        assertThat(ws.as("manager", "GET", "/api/v1/routing/unassigned")
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("leadId"))
                .doesNotContain(id);
    }

    @Test
    void aDeletedLeadLeavesTheUnassignedQueueAndARestoredOneComesBack() {
        String id = ws.leadFrom("marketing", "BR").get("id").asText();
        assertThat(queue("admin")).contains(id);

        ws.as("admin", "DELETE", "/api/v1/leads/" + id).send().expect(204);
        assertThat(queue("admin")).doesNotContain(id);
        assertThat(queuedEntries(id))
                .as("its entry leaves the queue's index too")
                .isZero();

        ws.as("admin", "POST", "/api/v1/leads/" + id + "/restore").send().expect(200);
        assertThat(queue("admin")).contains(id);

        ws.as("admin", "POST", "/api/v1/leads/" + id + "/reassign")
                .json(Map.of("ownerId", ws.id("rep1").toString(), "reason", "Rita speaks Portuguese"))
                .send()
                .expect(200);
        ws.as("admin", "DELETE", "/api/v1/leads/" + id).send().expect(204);
        ws.as("admin", "POST", "/api/v1/leads/" + id + "/restore").send().expect(200);
        assertThat(queue("admin"))
                .as("a lead placed before it was deleted is not queued again")
                .doesNotContain(id);
    }

    @Test
    void listingTheQueueReadsTheLeadsWaitingNotTheHistoryOfThosePlacedSince() {
        String waiting = ws.leadFrom("marketing", "BR").get("id").asText();
        // 2,000 leads that once waited unassigned and were placed since, as years of web forms leave them.
        inTenant.run(ws.slug, () -> {
            jdbc.update(
                    "INSERT INTO leads (tenant_id, id, source, owner_id, last_name, status)"
                            + " SELECT current_setting('app.tenant_id')::uuid, gen_random_uuid(), 'web_form', ?, 'Placed' || g,"
                            + " 'new' FROM generate_series(1, 2000) AS g",
                    ws.id("rep1"));
            for (String kind : List.of("unassigned", "automatic")) {
                jdbc.update(
                        "INSERT INTO lead_assignments (tenant_id, lead_id, kind, owner_id, reason, queued)"
                                + " SELECT tenant_id, id, ?, owner_id, 'history', false FROM leads WHERE last_name LIKE"
                                + " 'Placed%'",
                        kind);
            }
        });

        long reads = inTenant.call(ws.slug, () -> {
            long before = TableReads.sum(jdbc, "lead_assignments");
            assertThat(assignments.unassigned(null, 51))
                    .extracting(AssignmentView::leadId)
                    .containsExactly(UUID.fromString(waiting));
            return TableReads.sum(jdbc, "lead_assignments") - before;
        });
        assertThat(reads)
                .as("the queue's index holds the waiting lead's entry, not 4,000 entries of placed leads")
                .isLessThan(50);
        assertThat(queue("admin")).containsExactly(waiting);
    }

    private List<String> queue(String user) {
        List<String> leads = new ArrayList<>();
        ws.as(user, "GET", "/api/v1/routing/unassigned")
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(item -> leads.add(item.get("leadId").asText()));
        return leads;
    }

    private int queuedEntries(String leadId) {
        return inTenant.call(
                ws.slug,
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM lead_assignments WHERE lead_id = ?::uuid AND queued",
                        Integer.class,
                        leadId));
    }

    @Test
    void manyLeadsNoRulePlacesAskTheManagerOnceUntilTheTaskIsDone() throws Exception {
        useTheTeamAsUnassignedQueue();
        List<String> leads = createConcurrently(
                6, () -> ws.leadFrom("marketing", "BR").get("id").asText());
        awaitTaskListenersDone(leads);

        JsonNode task = awaitQueueTask("manager");
        assertThat(task.get("subject").asText()).isEqualTo("Assign the leads routing could not place");
        assertThat(task.get("page").asText()).isEqualTo("/leads/unassigned");
        assertThat(task.get("leadId").isNull())
                .as("the task is about the queue, not one of its leads")
                .isTrue();
        assertThat(ws.as("manager", "GET", "/api/v1/routing/unassigned?limit=10")
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("leadId"))
                .as("the page the task names lists every lead")
                .containsAll(leads);

        ws.as("manager", "PATCH", "/api/v1/activities/" + task.get("id").asText())
                .json(Map.of("status", "completed"))
                .send()
                .expect(200);
        String later = ws.leadFrom("marketing", "BR").get("id").asText();
        awaitTaskListenersDone(List.of(later));
        JsonNode next = awaitQueueTask("manager");
        assertThat(next.get("id").asText())
                .as("a lead arriving after the task was done asks again")
                .isNotEqualTo(task.get("id").asText());
    }

    @Test
    void aTaskCannotBePointedAtAPageByItsOwner() {
        assertField(
                ws.as("manager", "POST", "/api/v1/activities")
                        .json(Map.of("type", "task", "subject", "Look", "page", "/leads/unassigned"))
                        .send(),
                "page");
    }

    private void useTheTeamAsUnassignedQueue() {
        JsonNode created = ws.as("admin", "POST", "/api/v1/routing/rule-sets")
                .json(Map.of("unassignedQueue", ws.team.toString(), "rules", List.of(ws.countriesRule("DACH", "DE"))))
                .send()
                .expect(201)
                .json();
        ws.as("admin", "POST", "/api/v1/routing/rule-sets/" + created.get("id").asText() + "/activate")
                .send()
                .expect(200);
    }

    private static <T> List<T> createConcurrently(int count, Callable<T> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(create));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Until the activities module has handled the {@link LeadUnassigned} of each lead. */
    private void awaitTaskListenersDone(List<String> leadIds) {
        await().atMost(DurableEventProbe.PATIENCE).until(() -> leadIds.stream()
                .allMatch(id -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?"
                                        + " AND listener_id LIKE '%UnassignedLeadTasks%' AND completion_date IS NOT NULL",
                                Integer.class, "%" + id + "%")
                        == 1));
    }

    /** The one open task about the unassigned leads page, as the given user lists it. */
    private JsonNode awaitQueueTask(String user) {
        return await().atMost(DurableEventProbe.PATIENCE)
                .until(
                        () -> ws.as(user, "GET", "/api/v1/activities?type=task&status=pending&page=/leads/unassigned")
                                .send()
                                .expect(200)
                                .json()
                                .get("items"),
                        items -> items.size() == 1)
                .get(0);
    }

    @Test
    void noActiveRuleSetMeansNoRouting() {
        RoutingWorkspace bare = workspaces.create(1);
        JsonNode lead = bare.leadFrom("marketing", "DE");
        assertThat(lead.get("ownerId").asText()).isEqualTo(bare.id("marketing").toString());
        assertThat(bare.assignments("marketing", lead.get("id").asText())).isEmpty();
    }

    private static JsonNode candidate(JsonNode assignment, UUID user) {
        for (JsonNode c : assignment.get("candidates")) {
            if (c.get("userId").asText().equals(user.toString())) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + user + " in " + assignment);
    }
}
