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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class NoteApiTest {

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
    void aNoteMentionsUsersByEditorTokenAndByEmailAndAnnouncesEachOnce() {
        String account = linkables().account("rep@acme.test", "Noted Inc");
        String manager = linkables().userId("acme", "manager@acme.test");
        String rep2 = linkables().userId("acme", "rep2@acme.test");
        String rep = linkables().userId("acme", "rep@acme.test");
        JsonNode note = create(
                        "rep@acme.test",
                        Map.of(
                                "body",
                                "Budget confirmed. @[Max Manager](user:" + manager
                                        + ") please approve; cc @rep2@acme.test." + " Their CFO is cfo@noted.example.",
                                "accountId",
                                account,
                                "pinned",
                                true))
                .expect(201)
                .json();
        String id = note.get("id").asText();
        assertThat(note.get("mentionedUserIds")).extracting(JsonNode::asText).containsExactly(manager, rep2);
        assertThat(note.get("pinned").asBoolean()).isTrue();
        assertThat(mentionedIn(id)).containsExactlyInAnyOrder(manager, rep2);
        UserMentioned first = events.of(UserMentioned.class)
                .filter(e -> e.noteId().toString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(first.authorId()).hasToString(rep);
        assertThat(first.accountId()).hasToString(account);

        JsonNode changed = endpoint()
                .patch(
                        "rep@acme.test",
                        id,
                        Map.of(
                                "body",
                                "@[Max Manager](user:" + manager + ") approved. Thanks @Rep@ACME.test too, and "
                                        + "@[Max](user:" + manager + ") again"),
                        null)
                .expect(200)
                .json();
        assertThat(changed.get("mentionedUserIds")).extracting(JsonNode::asText).containsExactly(manager, rep);
        assertThat(mentionedIn(id))
                .as("the manager was mentioned before: not announced again")
                .containsExactlyInAnyOrder(manager, rep2, rep);

        JsonNode forManager =
                endpoint().list("manager@acme.test", "?mentionedUserIds[has]=" + manager + "&accountId=" + account);
        assertThat(forManager.get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(endpoint()
                        .list("rep@acme.test", "?mentionedUserIds[has]=" + rep2 + "&accountId=" + account)
                        .get("items"))
                .isEmpty();
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(UUID.fromString(id)));
    }

    @Test
    void pinnedNotesSortFirst() {
        String lead = linkables().lead("rep@acme.test", "Pinned");
        String plain = id(create("rep@acme.test", Map.of("body", "plain", "leadId", lead)));
        String pinned = id(create("rep@acme.test", Map.of("body", "pinned", "leadId", lead, "pinned", true)));
        String later = id(create("rep@acme.test", Map.of("body", "later", "leadId", lead)));
        JsonNode notes = endpoint().list("rep@acme.test", "?leadId=" + lead + "&sort=-pinned,-createdAt&embed=lead");
        assertThat(notes.get("items")).extracting(n -> n.get("id").asText()).containsExactly(pinned, later, plain);
        assertThat(notes.get("items").get(0).get("lead").get("lastName").asText())
                .isEqualTo("Pinned");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String rep = "rep@acme.test";
        String contact = linkables().contact(rep, "Linked");
        String otherTenantsDeal = api.as("globex", "admin@globex.test", "POST", "/api/v1/deals")
                .json(Map.of("name", "Globex deal", "amount", 5, "currency", "USD"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String globexUser = linkables().userId("globex", "rep@globex.test");
        int before = count();

        assertField(create(rep, Map.of("body", "No link")), "accountId");
        assertField(create(rep, Map.of("body", "Null link", "dealId", (Object) "")), "dealId");
        assertField(create(rep, Map.of("body", "Foreign", "dealId", otherTenantsDeal)), "dealId");
        assertField(create(rep, Map.of("contactId", contact)), "body");
        assertField(create(rep, Map.of("body", " ", "contactId", contact)), "body");
        assertField(create(rep, Map.of("body", "x".repeat(20_001), "contactId", contact)), "body");
        assertField(create(rep, Map.of("body", "Hi", "contactId", contact, "pinned", "yes")), "pinned");
        assertField(
                create(rep, Map.of("body", "Hi", "contactId", contact, "mentionedUserIds", List.of())),
                "mentionedUserIds");
        Api.Response unknownToken =
                create(rep, Map.of("body", "Hi @[Gia](user:" + globexUser + ")", "contactId", contact));
        assertField(unknownToken, "body");
        assertThat(unknownToken.json().get("errors").get(0).get("message").asText())
                .contains("@[Gia](user:" + globexUser + ")");
        Api.Response unknownEmail = create(rep, Map.of("body", "Hi @nobody@acme.test", "contactId", contact));
        assertField(unknownEmail, "body");
        assertThat(unknownEmail.json().get("errors").get(0).get("message").asText())
                .contains("@nobody@acme.test");
        assertField(create(rep, Map.of("body", "Hi @[X](user:not-a-uuid)", "contactId", contact)), "body");
        assertThat(count()).isEqualTo(before);

        String id = id(create(rep, Map.of("body", "Keep", "contactId", contact)));
        assertField(endpoint().patch(rep, id, Map.of("contactId", (Object) ""), null), "contactId");
        assertField(
                endpoint().patch(rep, id, java.util.Collections.singletonMap("contactId", null), null), "contactId");
        assertField(endpoint().patch(rep, id, Map.of("body", "Hi @nobody@acme.test"), null), "body");
        assertThat(endpoint().get(rep, id).get("body").asText()).isEqualTo("Keep");
    }

    @Test
    void aLongNoteKeepsItsMarkdown() {
        String deal = linkables().deal("rep@acme.test", "Long note deal");
        String body = "# Call summary\n\n- point one\n- point two\n\n" + "y".repeat(19_000);
        JsonNode note = create("rep@acme.test", Map.of("body", body, "dealId", deal))
                .expect(201)
                .json();
        assertThat(note.get("body").asText()).isEqualTo(body);
        assertThat(note.get("mentionedUserIds")).isEmpty();
    }

    @Test
    void twoUpdatesWithTheSameETagLetOnlyOneThrough() {
        String account = linkables().account("rep@acme.test", "Race notes");
        Api.Response created = create("rep@acme.test", Map.of("body", "Draft", "accountId", account));
        String id = id(created);
        String etag = created.header("ETag").orElseThrow();
        Api.Response first = endpoint().patch("rep@acme.test", id, Map.of("body", "First"), etag);
        Api.Response second = endpoint().patch("rep@acme.test", id, Map.of("body", "Second"), etag);
        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 412);
        assertThat(endpoint().get("rep@acme.test", id).get("body").asText()).isEqualTo("First");
    }

    private List<String> mentionedIn(String noteId) {
        return events.of(UserMentioned.class)
                .filter(e -> e.noteId().toString().equals(noteId))
                .map(e -> e.mentionedUserId().toString())
                .toList();
    }

    private Api.Response create(String email, Map<String, Object> body) {
        return endpoint().create(email, body);
    }

    private static String id(Api.Response r) {
        return r.expect(201).json().get("id").asText();
    }

    private int count() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class));
    }

    private Linkables linkables() {
        return new Linkables(api);
    }

    private RecordEndpoint endpoint() {
        return new RecordEndpoint(api, "/api/v1/notes");
    }
}
