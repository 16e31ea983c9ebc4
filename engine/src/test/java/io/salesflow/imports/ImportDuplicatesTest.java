package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.lead.LeadStatusChanged;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import io.salesflow.support.PublishedEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ImportDuplicatesTest {

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    ImportCalls calls;
    String run;

    @BeforeEach
    void setUp() {
        calls = new ImportCalls(api);
        run = ImportApiTest.marker();
    }

    @Test
    void skipLeavesExistingRecordsAndRowsRepeatedInTheFileAlone() {
        String existing =
                lead("admin@acme.test", Map.of("lastName", "Known", "email", email("a"), "company", "Old Co"));
        String csv = "Last Name,Email,Company\n"
                + "Again," + email("a") + ",New Co\n"
                + "Fresh," + email("b") + ",B Co\n"
                + "Twice," + email("b").toUpperCase() + ",B2 Co\n";
        JsonNode job = calls.imported("admin@acme.test", calls.leads("admin@acme.test", csv, "duplicates", "skip"));
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(job.get("skipped").asInt()).isEqualTo(2);
        assertThat(get("leads", existing).get("company").asText()).isEqualTo("Old Co");
        assertThat(leadsWith(email("b"))).hasSize(1);
    }

    @Test
    void mergeFillsInTheMappedFieldsThroughTheChangeUseCase() {
        String existing = lead(
                "admin@acme.test",
                Map.of("lastName", "Known", "email", email("a"), "company", "Old Co", "title", "CEO"));
        String csv = "Last Name,Email,Company,Title,Status\n"
                + "Merged," + email("a") + ",New Co,,contacted\n"
                + "Created," + email("c") + ",C Co,,\n"
                + "," + email("c") + ",,CTO,\n"
                + "," + email("a") + ",,,converted\n";
        JsonNode job = calls.imported("admin@acme.test", calls.leads("admin@acme.test", csv, "duplicates", "merge"));
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(job.get("merged").asInt()).isEqualTo(2);
        assertThat(job.get("failed").asInt()).isEqualTo(1);

        JsonNode merged = get("leads", existing);
        assertThat(merged.get("lastName").asText()).isEqualTo("Merged");
        assertThat(merged.get("company").asText()).isEqualTo("New Co");
        assertThat(merged.get("title").asText())
                .as("an empty cell keeps the value")
                .isEqualTo("CEO");
        assertThat(merged.get("status").asText()).isEqualTo("contacted");
        assertThat(merged.get("source").asText())
                .as("the default source does not overwrite")
                .isEqualTo("api");
        assertThat(events.of(LeadStatusChanged.class).map(e -> e.leadId().toString()))
                .contains(existing);
        JsonNode history = api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/" + existing + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.findValuesAsText("field")).contains("company", "status");
        assertThat(history.get(0).get("requestId").asText())
                .isEqualTo("import:" + job.get("id").asText());

        List<JsonNode> created = leadsWith(email("c"));
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("title").asText())
                .as("merged into the row made earlier")
                .isEqualTo("CTO");

        JsonNode error = calls.errors(job).get(0);
        assertThat(error.get("row").asInt()).isEqualTo(5);
        assertThat(error.get("field").asText()).isEqualTo("status");
        assertThat(error.get("message").asText()).startsWith("merging into lead " + existing + ": ");
    }

    @Test
    void createMakesANewRecordEvenWhenTheEmailIsTaken() {
        lead("admin@acme.test", Map.of("lastName", "Known", "email", email("a")));
        JsonNode job = calls.imported(
                "admin@acme.test", calls.leads("admin@acme.test", "Last Name,Email\nOther," + email("a") + "\n"));
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        List<JsonNode> both = leadsWith(email("a"));
        assertThat(both).hasSize(2);

        List<String> ids = both.stream().map(l -> l.get("id").asText()).toList();
        JsonNode pair = await().atMost(DurableEventProbe.PATIENCE).until(() -> queuedPair(ids), p -> p != null);
        assertThat(pair.get("reasons").findValuesAsText("reason"))
                .as("an imported lead is checked for duplicates like a created one")
                .contains("same_email");
    }

    /** The review queue's pair of these two leads, or null while it is not there (newest pairs come first). */
    private JsonNode queuedPair(List<String> ids) {
        for (JsonNode pair : api.as("acme", "admin@acme.test", "GET", "/api/v1/duplicates?type=lead&limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")) {
            if (ids.contains(pair.get("record").get("id").asText())
                    && ids.contains(pair.get("candidate").get("id").asText())) {
                return pair;
            }
        }
        return null;
    }

    @Test
    void aMergeIntoARecordTheImporterMayReadButNotChangeFailsThatRow() {
        String colleagues = lead("rep2@acme.test", Map.of("lastName", "Theirs", "email", email("e")));
        lead("admin@acme.test", Map.of("lastName", "Unseen", "email", email("f")));
        String csv = "Last Name,Email\nMine," + email("e") + "\nMine," + email("f") + "\n";
        JsonNode job = calls.imported("rep@acme.test", calls.leads("rep@acme.test", csv, "duplicates", "merge"));
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("imported").asInt())
                .as("a record the importer cannot read is not theirs to match")
                .isEqualTo(1);
        assertThat(calls.errors(job).get(0).get("message").asText())
                .startsWith("merging into lead " + colleagues + ": ")
                .contains("does not allow changing");
        assertThat(get("leads", colleagues).get("lastName").asText()).isEqualTo("Theirs");
    }

    @Test
    void contactsMatchOnAnyOfTheirEmailsAndKeepTheirPrimaryOnMerge() {
        String existing = api.as("acme", "admin@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("firstName", "Pat", "email", email("p"), "emails", List.of(email("p"), email("s"))))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String csv = "First Name,Title,E-mail\nPatricia,CFO," + email("s") + "\n";
        JsonNode job = calls.imported(
                "admin@acme.test",
                calls.upload(
                        "acme",
                        "admin@acme.test",
                        new Multipart()
                                .field("recordType", "contacts")
                                .field("duplicates", "merge")
                                .file("file", "c.csv", "text/csv", ImportCalls.csv(csv))));
        assertThat(job.get("merged").asInt()).isEqualTo(1);
        JsonNode contact = get("contacts", existing);
        assertThat(contact.get("firstName").asText()).isEqualTo("Patricia");
        assertThat(contact.get("title").asText()).isEqualTo("CFO");
        assertThat(contact.get("email").asText()).isEqualTo(email("p"));
    }

    @Test
    void accountsMatchOnTheirDomain() {
        api.as("acme", "admin@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Known Inc", "domain", run + ".test"))
                .send()
                .expect(201);
        String csv = "Company,Domain,City\nKnown Incorporated,https://www." + run.toUpperCase() + ".test/,Berlin\n"
                + "Other Ltd,other-" + run + ".test,Paris\n";
        JsonNode job = calls.imported(
                "admin@acme.test",
                calls.upload(
                        "acme",
                        "admin@acme.test",
                        new Multipart()
                                .field("recordType", "accounts")
                                .field("duplicates", "skip")
                                .file("file", "a.csv", "text/csv", ImportCalls.csv(csv))));
        assertThat(job.get("mapping").toString())
                .isEqualTo("{\"Company\":\"name\",\"Domain\":\"domain\",\"City\":\"billingAddress.city\"}");
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        JsonNode other = api.as("acme", "admin@acme.test", "GET", "/api/v1/accounts?domain=other-" + run + ".test")
                .send()
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(other.get("billingAddress").get("city").asText()).isEqualTo("Paris");
    }

    private String email(String who) {
        return who + "." + run + "@dupes.test";
    }

    private String lead(String email, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("source", "api");
        return api.as("acme", email, "POST", "/api/v1/leads")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private JsonNode get(String collection, String id) {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/" + collection + "/" + id)
                .send()
                .expect(200)
                .json();
    }

    private List<JsonNode> leadsWith(String email) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.as("acme", "admin@acme.test", "GET", "/api/v1/leads?email=" + email)
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(found::add);
        return found;
    }
}
