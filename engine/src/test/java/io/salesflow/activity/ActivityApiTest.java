package io.salesflow.activity;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import io.salesflow.support.RecordEndpoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ActivityApiTest {

    private static final String FUTURE = Instant.now().plus(30, ChronoUnit.DAYS).toString();
    private static final String PAST = "2020-03-02T10:00:00Z";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedEvents events;

    @Autowired
    DurableEventProbe probe;

    @Test
    void aRepLogsACompletedCallOnALeadAndItIsAnnouncedDurably() {
        String lead = linkables().lead("rep@acme.test", "Caller");
        JsonNode call = create(
                        "rep@acme.test",
                        Map.of(
                                "type", "call",
                                "subject", "  Discovery call  ",
                                "leadId", lead,
                                "status", "completed",
                                "outcome", "connected",
                                "durationMinutes", 15,
                                "priority", "high",
                                "tags", List.of("Discovery")))
                .expect(201)
                .json();
        String id = call.get("id").asText();
        assertThat(call.get("subject").asText()).isEqualTo("Discovery call");
        assertThat(call.get("status").asText()).isEqualTo("completed");
        assertThat(call.get("completedAt").isNull()).isFalse();
        assertThat(call.get("occurredAt").asText())
                .isEqualTo(call.get("completedAt").asText());
        assertThat(call.get("durationMinutes").asInt()).isEqualTo(15);
        assertThat(call.get("priorityRank").asInt()).isEqualTo(3);
        assertThat(call.get("ownerId").asText()).isEqualTo(linkables().userId("acme", "rep@acme.test"));
        assertThat(call.get("tags")).extracting(JsonNode::asText).containsExactly("discovery");

        ActivityCompleted event = events.of(ActivityCompleted.class)
                .filter(e -> e.activityId().toString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.type()).isEqualTo("call");
        assertThat(event.leadId()).hasToString(lead);
        assertThat(event.outcome()).isEqualTo("connected");
        assertThat(event.completedAt()).isNotNull();
        assertThat(event.tenantId()).isNotNull();
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(UUID.fromString(id)));
        await().atMost(DurableEventProbe.PATIENCE).until(() -> completedPublications(id) == 1);
    }

    @Test
    void openActivitiesAreCompletedOrCancelledAndClosedOnesReopened() {
        String id = id(create("rep@acme.test", Map.of("type", "task", "subject", "Send quote", "dueAt", FUTURE)));
        assertThat(get(id).get("status").asText()).isEqualTo("pending");

        assertThat(status(patch(id, Map.of("status", "cancelled")))).isEqualTo("cancelled");
        assertField(patch(id, Map.of("status", "completed")), "status");
        assertThat(status(patch(id, Map.of("status", "pending")))).isEqualTo("pending");

        JsonNode done = patch(id, Map.of("status", "completed", "outcome", "Quote sent"))
                .expect(200)
                .json();
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertField(patch(id, Map.of("status", "cancelled")), "status");
        assertField(patch(id, Map.of("status", "overdue")), "status");
        patch(id, Map.of("outcome", "Quote sent twice")).expect(200);
        assertThat(status(patch(id, Map.of("status", "pending")))).isEqualTo("pending");
        assertThat(get(id).get("completedAt").isNull()).isTrue();
        assertThat(events.of(ActivityCompleted.class)
                        .filter(e -> e.activityId().toString().equals(id)))
                .as("announced once per completion")
                .hasSize(1);
    }

    @Test
    void anOpenActivityIsOverdueWhileItsDueTimeHasPassed() {
        String id = id(create("rep@acme.test", Map.of("type", "deadline", "subject", "Tender closes", "dueAt", PAST)));
        assertThat(get(id).get("status").asText()).isEqualTo("overdue");
        assertThat(status(patch(id, Map.of("dueAt", FUTURE)))).isEqualTo("pending");
        assertThat(status(patch(id, Map.of("dueAt", PAST)))).isEqualTo("overdue");
        assertThat(status(patch(id, Map.of("status", "pending")))).isEqualTo("overdue");
        assertThat(status(patch(id, Map.of("status", "completed")))).isEqualTo("completed");
    }

    @Test
    void aMeetingsDurationFollowsItsStartAndEnd() {
        JsonNode meeting = create(
                        "rep@acme.test",
                        Map.of(
                                "type", "meeting",
                                "subject", "Demo",
                                "startAt", "2030-05-04T09:00:00Z",
                                "endAt", "2030-05-04T10:30:00+00:00"))
                .expect(201)
                .json();
        assertThat(meeting.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(meeting.get("occurredAt").asText()).isEqualTo("2030-05-04T09:00:00Z");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String rep = "rep@acme.test";
        String otherTenantsAccount = api.as("globex", "admin@globex.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Globex only"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String marketingsAccount = api.as("acme", "admin@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Not the rep's", "ownerId", linkables().userId("acme", "marketing@acme.test")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String deletedLead = linkables().lead(rep, "Deleted");
        api.as("acme", rep, "DELETE", "/api/v1/leads/" + deletedLead).send().expect(204);
        int before = count();

        assertField(create(rep, Map.of("type", "lunch", "subject", "X")), "type");
        assertField(create(rep, Map.of("subject", "X")), "type");
        assertField(create(rep, Map.of("type", "call", "subject", "  ")), "subject");
        assertField(create(rep, Map.of("type", "call")), "subject");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "colour", "red")), "colour");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "status", "overdue")), "status");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "status", "done")), "status");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "priority", "asap")), "priority");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "dueAt", "tomorrow")), "dueAt");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "durationMinutes", -5)), "durationMinutes");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "completedAt", PAST)), "completedAt");
        assertField(
                create(
                        rep,
                        Map.of(
                                "type",
                                "meeting",
                                "subject",
                                "X",
                                "startAt",
                                "2030-01-01T10:00:00Z",
                                "endAt",
                                "2030-01-01T09:00:00Z")),
                "endAt");
        assertField(
                create(
                        rep,
                        Map.of(
                                "type", "meeting",
                                "subject", "X",
                                "startAt", "2030-01-01T09:00:00Z",
                                "endAt", "2030-01-01T10:00:00Z",
                                "durationMinutes", 30)),
                "durationMinutes");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "accountId", otherTenantsAccount)), "accountId");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "accountId", marketingsAccount)), "accountId");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "leadId", deletedLead)), "leadId");
        assertField(create(rep, Map.of("type", "call", "subject", "X", "dealId", "not-an-id")), "dealId");
        assertField(
                create(
                        rep,
                        Map.of(
                                "type",
                                "call",
                                "subject",
                                "X",
                                "contactId",
                                UUID.randomUUID().toString())),
                "contactId");
        assertThat(count()).isEqualTo(before);

        String id = id(create(rep, Map.of("type", "task", "subject", "Keep me", "dueAt", FUTURE)));
        assertField(patch(id, Map.of("subject", "Changed", "status", "overdue")), "status");
        assertField(patch(id, Map.of("subject", "Changed", "accountId", otherTenantsAccount)), "accountId");
        assertThat(get(id).get("subject").asText()).isEqualTo("Keep me");
    }

    @Test
    void listsFilterByTypeStatusDueTimePriorityAndLinksAndEmbedThem() {
        String deal = linkables().deal("rep@acme.test", "Listed deal");
        String tag = "l" + UUID.randomUUID().toString().substring(0, 6);
        for (String[] a : new String[][] {
            {"call", "low", "2031-01-01T09:00:00Z"},
            {"email", "urgent", "2031-01-02T09:00:00Z"},
            {"task", "high", "2031-01-03T09:00:00Z"},
            {"task", "normal", "2031-01-04T09:00:00Z"}
        }) {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "type", a[0], "subject", a[0] + " " + a[1], "priority", a[1], "dueAt", a[2], "tags", List.of(tag)));
            if (!a[0].equals("call")) {
                body.put("dealId", deal);
            }
            create("rep@acme.test", body).expect(201);
        }
        JsonNode tasks = list("?tags[has]=" + tag + "&type=task&status=pending&dealId=" + deal + "&embed=deal,owner");
        assertThat(tasks.get("items")).hasSize(2);
        assertThat(tasks.get("items").get(0).get("deal").get("name").asText()).isEqualTo("Listed deal");
        assertThat(tasks.get("items").get(0).get("owner").get("email").asText()).isEqualTo("rep@acme.test");
        JsonNode byPriority = list("?tags[has]=" + tag + "&sort=-priorityRank");
        assertThat(byPriority.get("items").findValuesAsText("priority"))
                .containsExactly("urgent", "high", "normal", "low");
        JsonNode byDue = list("?tags[has]=" + tag + "&dueAt[gte]=2031-01-02&dueAt[lt]=2031-01-04&sort=dueAt");
        assertThat(byDue.get("items").findValuesAsText("type")).containsExactly("email", "task");
        assertThat(list("?tags[has]=" + tag + "&priority[in]=low,urgent").get("items"))
                .hasSize(2);
        assertThat(list("?tags[has]=" + tag + "&dealId[isNull]=true").get("items"))
                .hasSize(1);
    }

    @Test
    void twoUpdatesWithTheSameETagLetOnlyOneThrough() {
        Api.Response created = create("rep@acme.test", Map.of("type", "email", "subject", "Race"));
        String id = id(created);
        String etag = created.header("ETag").orElseThrow();
        Api.Response first = endpoint().patch("rep@acme.test", id, Map.of("subject", "First"), etag);
        Api.Response second = endpoint().patch("rep@acme.test", id, Map.of("subject", "Second"), etag);
        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 412);
        assertThat(get(id).get("subject").asText()).isEqualTo("First");
    }

    @Test
    void aDeletedActivityLeavesListsAndComesBack() {
        String tag = "d" + UUID.randomUUID().toString().substring(0, 6);
        String id = id(create("rep@acme.test", Map.of("type", "call", "subject", "Gone", "tags", List.of(tag))));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/activities/" + id)
                .send()
                .expect(204);
        assertThat(list("?tags[has]=" + tag).get("items")).isEmpty();
        api.as("acme", "rep@acme.test", "POST", "/api/v1/activities/" + id + "/restore")
                .send()
                .expect(200);
        assertThat(list("?tags[has]=" + tag).get("items")).hasSize(1);
    }

    private Api.Response create(String email, Map<String, Object> body) {
        return endpoint().create(email, body);
    }

    private Api.Response patch(String id, Map<String, Object> body) {
        return endpoint().patch("rep@acme.test", id, body, null);
    }

    private static String status(Api.Response r) {
        return r.expect(200).json().get("status").asText();
    }

    private JsonNode get(String id) {
        return endpoint().get("rep@acme.test", id);
    }

    private JsonNode list(String query) {
        return endpoint().list("rep@acme.test", query);
    }

    private static String id(Api.Response r) {
        return r.expect(201).json().get("id").asText();
    }

    private int count() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM activities", Integer.class));
    }

    private int completedPublications(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL"
                        + " AND event_type = 'io.salesflow.activity.ActivityCompleted'",
                Integer.class,
                "%" + id + "%");
    }

    private Linkables linkables() {
        return new Linkables(api);
    }

    private RecordEndpoint endpoint() {
        return new RecordEndpoint(api, "/api/v1/activities");
    }
}
