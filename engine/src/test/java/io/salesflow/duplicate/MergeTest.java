package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.unique;
import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.attachment.SampleFiles;
import io.salesflow.records.RecordsMerged;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/v1/{leads|contacts|accounts}/merge}: chosen values on the survivor, everything that pointed at
 * the merged records moved to it, the merged records deleted (restorable), history, audit and a durable event.
 */
@IntegrationTest
class MergeTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    @Autowired
    MergedRecordsProbe probe;

    private DuplicateFixture records;

    @BeforeEach
    void fixture() {
        records = new DuplicateFixture(api);
    }

    @Test
    void mergingContactsMovesActivitiesNotesAttachmentsDealPlacesAndConversionsAndKeepsTheChosenValues() {
        String domain = unique() + ".example";
        String last = uniqueWord();
        String phone = "+4930" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String survivor = records.create(
                REP,
                "contacts",
                Map.of(
                        "firstName",
                        "Anna",
                        "lastName",
                        last,
                        "email",
                        "anna@" + domain,
                        "title",
                        "Buyer",
                        "tags",
                        List.of("vip")));
        String merged = records.create(
                REP,
                "contacts",
                Map.of(
                        "firstName",
                        "Ann",
                        "lastName",
                        last,
                        "email",
                        "ann@" + domain,
                        "phone",
                        phone,
                        "title",
                        "Head of Buying",
                        "tags",
                        List.of("event")));
        String activity =
                records.create(REP, "activities", Map.of("type", "call", "subject", "Call Ann", "contactId", merged));
        String note = records.create(REP, "notes", Map.of("body", "Met Ann at the fair", "contactId", merged));
        api.as("acme", REP, "POST", "/api/v1/contacts/" + merged + "/attachments")
                .file("file", "card.pdf", "application/pdf", SampleFiles.pdf(400))
                .send()
                .expect(201);
        String dealOfMerged = deal(List.of(Map.of("contactId", merged, "role", "champion", "primary", true)));
        String dealOfBoth = deal(List.of(
                Map.of("contactId", survivor, "role", "decision_maker"),
                Map.of("contactId", merged, "role", "end_user", "primary", true)));
        String lead = convertedTo(merged);

        JsonNode result = merge("contacts", survivor, List.of(merged), Map.of("title", merged, "phone", merged))
                .expect(200)
                .json();

        JsonNode after = result.get("survivor");
        assertThat(after.get("title").asText()).isEqualTo("Head of Buying");
        assertThat(after.get("phone").asText()).isEqualTo(phone);
        assertThat(after.get("email").asText()).as("not chosen: the survivor's").isEqualTo("anna@" + domain);
        assertThat(after.get("tags")).extracting(JsonNode::asText).containsExactly("event", "vip");
        assertThat(result.get("moved").get("activities").asInt()).isEqualTo(1);
        assertThat(result.get("moved").get("notes").asInt()).isEqualTo(1);
        assertThat(result.get("moved").get("attachments").asInt()).isEqualTo(1);
        assertThat(result.get("moved").get("dealContacts").asInt()).isEqualTo(2);
        assertThat(result.get("moved").get("convertedLeads").asInt()).isEqualTo(1);

        assertThat(get("/api/v1/activities/" + activity).get("contactId").asText())
                .isEqualTo(survivor);
        assertThat(get("/api/v1/notes/" + note).get("contactId").asText()).isEqualTo(survivor);
        assertThat(get("/api/v1/contacts/" + survivor + "/attachments")
                        .get("items")
                        .findValuesAsText("filename"))
                .containsExactly("card.pdf");
        assertThat(dealContacts(dealOfMerged)).containsExactly(survivor + " champion primary");
        assertThat(dealContacts(dealOfBoth)).containsExactly(survivor + " decision_maker primary");
        assertThat(get("/api/v1/leads/" + lead).get("convertedContactId").asText())
                .isEqualTo(survivor);
        assertThat(get("/api/v1/activities/" + activity + "/history").findValuesAsText("field"))
                .contains("contactId");

        assertThat(api.as("acme", REP, "GET", "/api/v1/contacts/" + merged)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/v1/contacts/" + merged + "/history").findValuesAsText("field"))
                .contains("mergedInto", "deletedAt");
        assertThat(get("/api/v1/contacts/" + survivor + "/history").findValuesAsText("field"))
                .contains("title", "phone", "tags", "mergedFrom");
        JsonNode audit = api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/audit-log?resourceType=contact&resourceId=" + survivor)
                .send()
                .expect(200)
                .json()
                .get("items");
        JsonNode entry = audit.get(0);
        assertThat(entry.get("action").asText()).isEqualTo("contact.merged");
        assertThat(entry.get("after").get("mergedIds").get(0).asText()).isEqualTo(merged);
        assertThat(entry.get("after").get("fields").get("title").asText()).isEqualTo(merged);
        assertThat(entry.get("after").get("moved").get("activities").asInt()).isEqualTo(1);
        assertThat(events.of(RecordsMerged.class)).anySatisfy(e -> {
            assertThat(e.survivorId()).hasToString(survivor);
            assertThat(e.recordType()).isEqualTo("contact");
            assertThat(e.mergedIds()).containsExactly(UUID.fromString(merged));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.handled(UUID.fromString(survivor)));

        api.as("acme", REP, "POST", "/api/v1/contacts/" + merged + "/restore")
                .send()
                .expect(200);
        assertThat(get("/api/v1/contacts/" + merged).get("title").asText())
                .as("restored as it was; what moved stays with the survivor")
                .isEqualTo("Head of Buying");
        assertThat(get("/api/v1/activities/" + activity).get("contactId").asText())
                .isEqualTo(survivor);
    }

    @Test
    void mergingAccountsMovesTheirContactsDealsActivitiesAndChildAccounts() {
        String word = uniqueWord();
        String holding = records.create(REP, "accounts", Map.of("name", word + " Holding", "industry", "Finance"));
        String survivor = records.create(REP, "accounts", Map.of("name", word + " Inc", "parentId", holding));
        String other = records.create(REP, "accounts", Map.of("name", word + " Incorporated", "territory", "North"));
        String child = records.create(REP, "accounts", Map.of("name", word + " Retail", "parentId", holding));
        String contact = records.create(REP, "contacts", Map.of("lastName", word, "accountId", holding));
        String deal = records.create(
                REP, "deals", Map.of("name", word + " renewal", "amount", 500, "currency", "EUR", "accountId", other));
        String activity =
                records.create(REP, "activities", Map.of("type", "task", "subject", "Visit", "accountId", other));

        JsonNode result = merge(
                        "accounts",
                        survivor,
                        List.of(holding, other),
                        Map.of("industry", holding, "territory", other, "name", survivor))
                .expect(200)
                .json();

        JsonNode after = result.get("survivor");
        assertThat(after.get("name").asText()).isEqualTo(word + " Inc");
        assertThat(after.get("industry").asText()).isEqualTo("Finance");
        assertThat(after.get("territory").asText()).isEqualTo("North");
        assertThat(after.get("parentId").isNull())
                .as("its parent was merged into it")
                .isTrue();
        assertThat(get("/api/v1/accounts/" + child).get("parentId").asText()).isEqualTo(survivor);
        assertThat(get("/api/v1/contacts/" + contact).get("accountId").asText()).isEqualTo(survivor);
        assertThat(get("/api/v1/deals/" + deal).get("accountId").asText()).isEqualTo(survivor);
        assertThat(get("/api/v1/activities/" + activity).get("accountId").asText())
                .isEqualTo(survivor);
        assertThat(result.get("moved").get("childAccounts").asInt()).isEqualTo(1);
        assertThat(result.get("mergedIds")).extracting(JsonNode::asText).containsExactly(holding, other);
        for (String gone : List.of(holding, other)) {
            assertThat(api.as("acme", REP, "GET", "/api/v1/accounts/" + gone)
                            .send()
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void mergingLeadsTakesEachChosenFieldFromItsRecordCustomValuesIncluded() {
        String word = uniqueWord();
        String survivor = records.create(
                REP,
                "leads",
                Map.of(
                        "lastName",
                        word,
                        "company",
                        "Old " + word,
                        "source",
                        "api",
                        "customFields",
                        Map.of("budget", 1000)));
        String second = records.create(
                REP, "leads", Map.of("lastName", word, "email", unique() + "@gmail.com", "source", "event"));
        String third = records.create(
                REP,
                "leads",
                Map.of(
                        "lastName",
                        word,
                        "company",
                        word + " GmbH",
                        "source",
                        "web_form",
                        "customFields",
                        Map.of("budget", 25000)));
        String activity = records.create(REP, "activities", Map.of("type", "email", "subject", "Hi", "leadId", third));

        JsonNode after = merge(
                        "leads",
                        survivor,
                        List.of(second, third),
                        Map.of("company", third, "email", second, "customFields.budget", third))
                .expect(200)
                .json()
                .get("survivor");

        assertThat(after.get("company").asText()).isEqualTo(word + " GmbH");
        assertThat(after.get("email").asText()).endsWith("@gmail.com");
        assertThat(after.get("source").asText())
                .as("not chosen: the survivor's")
                .isEqualTo("api");
        assertThat(after.get("customFields").get("budget").asInt()).isEqualTo(25000);
        assertThat(get("/api/v1/activities/" + activity).get("leadId").asText()).isEqualTo(survivor);
    }

    @Test
    void lookupFieldsNamingAMergedRecordNameTheSurvivor() {
        String admin = "admin@globex.test";
        String key = "champion" + uniqueWord();
        api.as("globex", admin, "POST", "/api/v1/custom-fields")
                .json(Map.of(
                        "recordType",
                        "deal",
                        "key",
                        key,
                        "label",
                        "Champion " + key,
                        "type",
                        "lookup",
                        "lookupTarget",
                        "contact"))
                .send()
                .expect(201);
        String survivor = records.create("globex", admin, "contacts", Map.of("lastName", uniqueWord()));
        String merged = records.create("globex", admin, "contacts", Map.of("lastName", uniqueWord()));
        String deal = records.create(
                "globex",
                admin,
                "deals",
                Map.of("name", "Lookup deal", "amount", 10, "currency", "USD", "customFields", Map.of(key, merged)));

        JsonNode result = api.as("globex", admin, "POST", "/api/v1/contacts/merge")
                .json(Map.of("survivorId", survivor, "mergedIds", List.of(merged)))
                .send()
                .expect(200)
                .json();

        assertThat(result.get("moved").get("lookups").asInt()).isEqualTo(1);
        JsonNode after = api.as("globex", admin, "GET", "/api/v1/deals/" + deal)
                .send()
                .expect(200)
                .json();
        assertThat(after.get("customFields").get(key).asText()).isEqualTo(survivor);
        assertThat(api.as("globex", admin, "GET", "/api/v1/deals/" + deal + "/history")
                        .send()
                        .json()
                        .findValuesAsText("field"))
                .contains("customFields." + key);
    }

    private Api.Response merge(String collection, String survivor, List<String> merged, Map<String, String> fields) {
        return api.as("acme", REP, "POST", "/api/v1/" + collection + "/merge")
                .json(Map.of("survivorId", survivor, "mergedIds", merged, "fields", fields))
                .send();
    }

    private JsonNode get(String path) {
        return api.as("acme", REP, "GET", path).send().expect(200).json();
    }

    private String deal(List<Map<String, Object>> contacts) {
        String deal = records.create(REP, "deals", Map.of("name", "Merge deal", "amount", 100, "currency", "EUR"));
        api.as("acme", REP, "PUT", "/api/v1/deals/" + deal + "/contacts")
                .json(contacts)
                .send()
                .expect(200);
        return deal;
    }

    private List<String> dealContacts(String deal) {
        return StreamSupport.stream(get("/api/v1/deals/" + deal + "/contacts").spliterator(), false)
                .map(c -> c.get("contactId").asText() + " " + c.get("role").asText()
                        + (c.get("primary").asBoolean() ? " primary" : ""))
                .toList();
    }

    /** A lead converted into {@code contact}. */
    private String convertedTo(String contact) {
        String lead = records.create(REP, "leads", Map.of("lastName", uniqueWord(), "source", "api"));
        api.as("acme", REP, "PATCH", "/api/v1/leads/" + lead)
                .json(Map.of("status", "contacted"))
                .send()
                .expect(200);
        api.as("acme", REP, "PATCH", "/api/v1/leads/" + lead)
                .json(Map.of("status", "qualified"))
                .send()
                .expect(200);
        api.as("acme", REP, "POST", "/api/v1/leads/" + lead + "/convert")
                .json(Map.of("contactId", contact))
                .send()
                .expect(200);
        return lead;
    }
}
