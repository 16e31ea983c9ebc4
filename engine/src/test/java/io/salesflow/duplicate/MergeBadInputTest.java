package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A merge refused for whatever reason names what is wrong and changes nothing at all. */
@IntegrationTest
class MergeBadInputTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    private DuplicateFixture records;
    private String survivor;
    private String merged;
    private String activity;

    @BeforeEach
    void twoContactsAndAnActivity() {
        records = new DuplicateFixture(api);
        String last = uniqueWord();
        survivor = records.create(REP, "contacts", Map.of("firstName", "Sue", "lastName", last, "title", "CTO"));
        merged = records.create(REP, "contacts", Map.of("firstName", "Susan", "lastName", last, "title", "CIO"));
        activity =
                records.create(REP, "activities", Map.of("type", "call", "subject", "Call Susan", "contactId", merged));
    }

    @Test
    void aBadShapeIsA400NamingTheField() {
        String etag = etag();
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(merged, merged))), "mergedIds[1]");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(survivor))), "mergedIds[0]");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of())), "mergedIds");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of("nope"))), "mergedIds[0]");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", tooMany())), "mergedIds");
        assertField(merge(REP, Map.of("mergedIds", List.of(merged))), "survivorId");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(merged), "colour", 1)), "colour");
        assertField(merge(REP, body(Map.of("colour", merged))), "fields.colour");
        assertField(merge(REP, body(Map.of("tags", merged))), "fields.tags");
        assertField(merge(REP, body(Map.of("customFields", merged))), "fields.customFields");
        assertField(merge(REP, body(Map.of("title", UUID.randomUUID().toString()))), "fields.title");
        assertField(merge(REP, body(Map.of("consentUpdatedAt", merged))), "fields.consentUpdatedAt");
        assertNothingChanged(etag);
    }

    @Test
    void moreBadShapesAre400sNamingTheFieldWithWhatIsWrong() {
        String etag = etag();
        Api.Response noMergedIds = merge(REP, Map.of("survivorId", survivor));
        assertField(noMergedIds, "mergedIds");
        assertThat(message(noMergedIds)).contains("must list the 1 to 9 records");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", "x")), "mergedIds");
        assertField(merge(REP, Map.of("survivorId", survivor, "mergedIds", Map.of("id", merged))), "mergedIds");
        Api.Response fieldsNoObject =
                merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(merged), "fields", "x"));
        assertField(fieldsNoObject, "fields");
        assertThat(message(fieldsNoObject)).contains("must be an object");
        Api.Response notAnId = merge(REP, body(Map.of("title", "nope")));
        assertField(notAnId, "fields.title");
        assertThat(message(notAnId)).isEqualTo("is not an id");
        Api.Response unknownCustom = merge(REP, body(Map.of("customFields.unknownKey", merged)));
        assertField(unknownCustom, "fields.customFields.unknownKey");
        assertThat(message(unknownCustom)).contains("is not a field of a contact");
        assertField(merge(REP, body(Map.of("id", merged))), "fields.id");
        assertField(merge(REP, body(Map.of("version", merged))), "fields.version");
        assertField(merge(REP, body(Map.of("createdAt", merged))), "fields.createdAt");
        Api.Response array = api.as("acme", REP, "POST", "/api/v1/contacts/merge")
                .json(Api.json(List.of(Map.of("survivorId", survivor, "mergedIds", List.of(merged)))))
                .send();
        assertField(array, "body");
        assertThat(message(array)).isEqualTo("has the wrong type");
        assertField(
                api.as("acme", REP, "POST", "/api/v1/contacts/merge")
                        .json("\"" + survivor + "\"")
                        .send(),
                "body");
        assertNothingChanged(etag);
    }

    @Test
    void aRecordOutsideTheCallersReadScopeIs404AsIfItDidNotExist() {
        String etag = etag();
        String marketing = records.userId("acme", "marketing@acme.test");
        String hidden =
                records.create("admin@acme.test", "contacts", Map.of("lastName", uniqueWord(), "ownerId", marketing));
        assertThat(api.as("acme", REP, "GET", "/api/v1/contacts/" + hidden)
                        .send()
                        .status())
                .as("the rep may not read a contact outside their team")
                .isEqualTo(404);
        String unknown = UUID.randomUUID().toString();

        Api.Response asMerged = merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(hidden)));
        Api.Response asUnknown = merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(unknown)));
        assertProblem(asMerged, 404, "mergedIds[0]");
        assertThat(message(asMerged))
                .as("the same answer as for a record that does not exist")
                .isEqualTo(message(asUnknown).replace(unknown, hidden));
        assertProblem(merge(REP, Map.of("survivorId", hidden, "mergedIds", List.of(merged))), 404, "survivorId");

        assertNothingChanged(etag);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/contacts/" + hidden)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRecordMergedAwayOrDeletedIs409NamingTheFieldAsSurvivorOrMerged() {
        merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(merged))).expect(200);
        String other = records.create(REP, "contacts", Map.of("lastName", uniqueWord(), "title", "CFO"));
        String deleted = records.create(REP, "contacts", Map.of("lastName", uniqueWord()));
        api.as("acme", REP, "DELETE", "/api/v1/contacts/" + deleted).send().expect(204);
        String etag = etagOf("/api/v1/contacts/" + other);

        Api.Response mergedAsSurvivor = merge(REP, Map.of("survivorId", merged, "mergedIds", List.of(other)));
        assertProblem(mergedAsSurvivor, 409, "survivorId");
        assertThat(message(mergedAsSurvivor))
                .isEqualTo("was merged into contact " + survivor + "; restore it to merge it");
        Api.Response mergedAsMerged = merge(REP, Map.of("survivorId", other, "mergedIds", List.of(merged)));
        assertProblem(mergedAsMerged, 409, "mergedIds[0]");
        assertThat(message(mergedAsMerged)).startsWith("was merged into contact " + survivor);
        Api.Response deletedAsMerged = merge(REP, Map.of("survivorId", other, "mergedIds", List.of(survivor, deleted)));
        assertProblem(deletedAsMerged, 409, "mergedIds[1]");
        assertThat(message(deletedAsMerged)).isEqualTo("is deleted; restore it to merge it");
        assertProblem(merge(REP, Map.of("survivorId", deleted, "mergedIds", List.of(other))), 409, "survivorId");

        assertThat(etagOf("/api/v1/contacts/" + other)).isEqualTo(etag);
        assertThat(get("/api/v1/contacts/" + survivor).get("title").asText()).isEqualTo("CTO");
        assertThat(get("/api/v1/contacts/" + other + "/history").findValuesAsText("field"))
                .doesNotContain("mergedInto", "mergedFrom");
        assertThat(get("/api/v1/activities/" + activity).get("contactId").asText())
                .isEqualTo(survivor);
    }

    @Test
    void recordsTheCallerCannotSeeAre404AndOnesTheyCannotChange403() {
        String etag = etag();
        String globex = records.create("globex", "admin@globex.test", "contacts", Map.of("lastName", "Elsewhere"));
        String rep2s = records.create("rep2@acme.test", "contacts", Map.of("lastName", uniqueWord()));

        Api.Response otherTenant = merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(merged, globex)));
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.json().get("errors").get(0).get("field").asText())
                .isEqualTo("mergedIds[1]");
        Api.Response unknownSurvivor =
                merge(REP, Map.of("survivorId", UUID.randomUUID().toString(), "mergedIds", List.of(merged)));
        assertThat(unknownSurvivor.status()).isEqualTo(404);
        assertThat(unknownSurvivor.json().get("errors").get(0).get("field").asText())
                .isEqualTo("survivorId");
        Api.Response readOnly = merge(REP, Map.of("survivorId", survivor, "mergedIds", List.of(rep2s)));
        assertThat(readOnly.status())
                .as("rep2's contact: readable in the team, not changeable")
                .isEqualTo(403);
        assertThat(readOnly.json().get("errors").get(0).get("field").asText()).isEqualTo("mergedIds[0]");
        assertThat(merge("auditor@acme.test", Map.of("survivorId", survivor, "mergedIds", List.of(merged)))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/contacts/merge")
                        .json(Map.of("survivorId", globex, "mergedIds", List.of(merged)))
                        .send()
                        .status())
                .isEqualTo(404);
        assertNothingChanged(etag);
    }

    @Test
    void aChosenValueTheSurvivorMayNotTakeUndoesTheWholeMerge() {
        String last = uniqueWord();
        String qualified = records.create(REP, "leads", Map.of("lastName", last, "source", "api"));
        for (String status : List.of("contacted", "qualified")) {
            api.as("acme", REP, "PATCH", "/api/v1/leads/" + qualified)
                    .json(Map.of("status", status))
                    .send()
                    .expect(200);
        }
        String fresh = records.create(REP, "leads", Map.of("lastName", last, "company", "Fresh Ltd", "source", "api"));
        String call = records.create(REP, "activities", Map.of("type", "call", "subject", "Call", "leadId", fresh));
        String etag = etagOf("/api/v1/leads/" + qualified);

        Api.Response refused = api.as("acme", REP, "POST", "/api/v1/leads/merge")
                .json(Map.of(
                        "survivorId", qualified,
                        "mergedIds", List.of(fresh),
                        "fields", Map.of("company", fresh, "status", fresh)))
                .send();

        assertField(refused, "fields.status");
        assertThat(etagOf("/api/v1/leads/" + qualified)).isEqualTo(etag);
        assertThat(get("/api/v1/leads/" + qualified).get("company").isNull()).isTrue();
        assertThat(get("/api/v1/leads/" + fresh).get("company").asText())
                .as("still there")
                .isEqualTo("Fresh Ltd");
        assertThat(get("/api/v1/activities/" + call).get("leadId").asText()).isEqualTo(fresh);
    }

    @Test
    void aRefusalAfterTheSurvivorChangedAndLinksMovedUndoesItAll() {
        String word = uniqueWord();
        String group = records.create(REP, "accounts", Map.of("name", word + " Group"));
        String region = records.create(REP, "accounts", Map.of("name", word + " Region", "parentId", group));
        String survivorAccount = records.create(REP, "accounts", Map.of("name", word + " Local", "parentId", region));
        String visit =
                records.create(REP, "activities", Map.of("type", "task", "subject", "Visit", "accountId", group));
        String etag = etagOf("/api/v1/accounts/" + survivorAccount);

        Api.Response refused = api.as("acme", REP, "POST", "/api/v1/accounts/merge")
                .json(Map.of(
                        "survivorId", survivorAccount, "mergedIds", List.of(group), "fields", Map.of("name", group)))
                .send();

        assertField(refused, "mergedIds");
        assertThat(etagOf("/api/v1/accounts/" + survivorAccount)).isEqualTo(etag);
        assertThat(get("/api/v1/accounts/" + survivorAccount).get("name").asText())
                .isEqualTo(word + " Local");
        assertThat(get("/api/v1/accounts/" + region).get("parentId").asText()).isEqualTo(group);
        assertThat(get("/api/v1/activities/" + visit).get("accountId").asText()).isEqualTo(group);
        assertThat(get("/api/v1/accounts/" + group + "/history").findValuesAsText("field"))
                .doesNotContain("mergedInto", "deletedAt");
    }

    private void assertNothingChanged(String survivorEtag) {
        assertThat(etag()).isEqualTo(survivorEtag);
        assertThat(get("/api/v1/contacts/" + survivor).get("title").asText()).isEqualTo("CTO");
        assertThat(get("/api/v1/contacts/" + merged).get("title").asText()).isEqualTo("CIO");
        assertThat(get("/api/v1/activities/" + activity).get("contactId").asText())
                .isEqualTo(merged);
        assertThat(get("/api/v1/contacts/" + merged + "/history").findValuesAsText("field"))
                .doesNotContain("mergedInto");
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    private static String message(Api.Response r) {
        return r.json().get("errors").get(0).get("message").asText();
    }

    private Map<String, Object> body(Map<String, String> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("survivorId", survivor);
        body.put("mergedIds", List.of(merged));
        body.put("fields", fields);
        return body;
    }

    private List<String> tooMany() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MergeRequest.MAX_RECORDS; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private Api.Response merge(String user, Map<String, Object> body) {
        return api.as("acme", user, "POST", "/api/v1/contacts/merge").json(body).send();
    }

    private JsonNode get(String path) {
        return api.as("acme", REP, "GET", path).send().expect(200).json();
    }

    private String etag() {
        return etagOf("/api/v1/contacts/" + survivor);
    }

    private String etagOf(String path) {
        return api.as("acme", REP, "GET", path)
                .send()
                .expect(200)
                .header("ETag")
                .orElseThrow();
    }
}
