package io.salesflow.activity;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A record's timeline: its activities, notes and field changes, newest first, paged by an opaque cursor. */
@IntegrationTest
class ActivityTimelineTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Test
    void anAccountsTimelineMergesActivitiesNotesAndChangesNewestFirst() {
        String account = linkables().account(REP, "Timeline Ltd");
        api.as("acme", REP, "PATCH", "/api/v1/accounts/" + account)
                .json(Map.of("industry", "Retail", "territory", "North"))
                .send()
                .expect(200);
        String early = create(
                "activities",
                Map.of(
                        "type",
                        "meeting",
                        "subject",
                        "Kick-off",
                        "accountId",
                        account,
                        "startAt",
                        "2020-01-01T09:00:00Z"));
        String alsoEarly = create(
                "activities",
                Map.of(
                        "type",
                        "meeting",
                        "subject",
                        "Kick-off, part two",
                        "accountId",
                        account,
                        "startAt",
                        "2020-01-01T09:00:00Z"));
        String firstNote = create("notes", Map.of("body", "First impressions", "accountId", account));
        String call = create(
                "activities",
                Map.of(
                        "type",
                        "call",
                        "subject",
                        "Follow-up",
                        "accountId",
                        account,
                        "status",
                        "completed",
                        "outcome",
                        "left_voicemail"));
        String future = create(
                "activities",
                Map.of(
                        "type",
                        "task",
                        "subject",
                        "Renewal prep",
                        "accountId",
                        account,
                        "dueAt",
                        "2099-01-01T00:00:00Z"));
        String contact = linkables().contact(REP, "Timeline");
        String secondNote =
                create("notes", Map.of("body", "Spoke to procurement", "accountId", account, "contactId", contact));
        String deletedNote = create("notes", Map.of("body", "Wrong account", "accountId", account));
        api.as("acme", REP, "DELETE", "/api/v1/notes/" + deletedNote).send().expect(204);

        List<JsonNode> entries = items(timeline("accounts", account, "?limit=200"));
        List<String> tie =
                Stream.of(early, alsoEarly).sorted(Comparator.reverseOrder()).toList();
        assertThat(entries)
                .extracting(e -> e.get("kind").asText())
                .containsExactly("activity", "note", "activity", "note", "change", "change", "activity", "activity");
        assertThat(entries.stream()
                        .filter(e -> !e.get("kind").asText().equals("change"))
                        .map(e -> e.get("id").asText()))
                .containsExactly(future, secondNote, call, firstNote, tie.get(0), tie.get(1));

        JsonNode futureEntry = entries.get(0);
        assertThat(futureEntry.get("at").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(futureEntry.get("subject").asText()).isEqualTo("Renewal prep");
        assertThat(futureEntry.get("status").asText()).isEqualTo("pending");
        assertThat(futureEntry.get("owner").get("email").asText()).isEqualTo(REP);
        assertThat(entries.get(2).get("outcome").asText()).isEqualTo("left_voicemail");
        assertThat(entries.get(1).get("body").asText()).isEqualTo("Spoke to procurement");

        JsonNode changed = entries.get(4);
        assertThat(changed.get("action").asText()).isEqualTo("changed");
        assertThat(changed.get("actorName").asText()).isEqualTo("Rita Rep");
        assertThat(changed.get("changes").findValuesAsText("field")).containsExactly("industry", "territory");
        assertThat(changed.get("changes").get(0).get("before").isNull()).isTrue();
        assertThat(changed.get("changes").get(0).get("after").asText()).isEqualTo("Retail");
        assertThat(entries.get(5).get("action").asText()).isEqualTo("created");
        assertThat(entries.get(5).get("changes").findValuesAsText("field")).contains("name", "ownerId");

        assertThat(items(timeline("contacts", contact, "")))
                .extracting(e -> e.get("id").asText())
                .contains(secondNote)
                .doesNotContain(firstNote);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        String deal = linkables().deal(REP, "Paged timeline deal");
        for (int i = 0; i < 3; i++) {
            create(
                    "activities",
                    Map.of(
                            "type",
                            "email",
                            "subject",
                            "Same time " + i,
                            "dealId",
                            deal,
                            "startAt",
                            "2024-06-01T12:00:00Z"));
            create("notes", Map.of("body", "Note " + i, "dealId", deal));
            api.as("acme", REP, "PATCH", "/api/v1/deals/" + deal)
                    .json(Map.of("closeNote", "Step " + i))
                    .send()
                    .expect(200);
        }
        List<String> whole = items(timeline("deals", deal, "?limit=200")).stream()
                .map(e -> e.get("kind").asText() + "/" + e.get("id").asText())
                .toList();
        assertThat(whole).hasSize(10);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = timeline("deals", deal, "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            items(page)
                    .forEach(e ->
                            paged.add(e.get("kind").asText() + "/" + e.get("id").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(paged).containsExactlyElementsOf(whole);
    }

    @Test
    void leadsHaveTimelinesAndEveryRecordTypeTheChangesOfItsOwn() {
        String lead = linkables().lead(REP, "Timeline lead");
        String task = create("activities", Map.of("type", "task", "subject", "Call back", "leadId", lead));
        assertThat(items(timeline("leads", lead, "")))
                .extracting(e -> e.get("kind").asText() + "/" + e.get("id").asText())
                .contains("activity/" + task);
        api.as("acme", REP, "PATCH", "/api/v1/activities/" + task)
                .json(Map.of("subject", "Call back tomorrow"))
                .send()
                .expect(200);
        List<JsonNode> own = items(timeline("activities", task, ""));
        assertThat(own).extracting(e -> e.get("kind").asText()).containsOnly("change");
        assertThat(own.get(0).get("changes").findValuesAsText("field")).containsExactly("subject");
    }

    @Test
    void badTimelineRequestsAreFieldErrorsOrNotFound() {
        String account = linkables().account(REP, "Bad timeline");
        assertField(
                api.as("acme", REP, "GET", "/api/v1/accounts/" + account + "/timeline?cursor=bm9wZQ")
                        .send(),
                "cursor");
        assertThat(api.as("acme", REP, "GET", "/api/v1/accounts/" + account + "/timeline?limit=500")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.as("acme", REP, "GET", "/api/v1/accounts/" + java.util.UUID.randomUUID() + "/timeline")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private JsonNode timeline(String collection, String id, String query) {
        return api.as("acme", REP, "GET", "/api/v1/" + collection + "/" + id + "/timeline" + query)
                .send()
                .expect(200)
                .json();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private String create(String collection, Map<String, Object> body) {
        return api.as("acme", REP, "POST", "/api/v1/" + collection)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private Linkables linkables() {
        return new Linkables(api);
    }
}
