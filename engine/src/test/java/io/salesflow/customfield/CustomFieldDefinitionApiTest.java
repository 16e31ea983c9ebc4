package io.salesflow.customfield;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CustomFieldDefinitionApiTest {

    private static final String PATH = "/api/v1/custom-fields";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminDefinesChangesAndArchivesAPicklistAndEveryStepIsAudited() {
        String key = CustomFieldFixture.key("tier");
        Api.Response created = admin("POST", PATH)
                .json(Map.of(
                        "recordType", "account",
                        "key", key,
                        "label", "  Tier ",
                        "type", "picklist",
                        "options", List.of("Gold", "Silver", "Bronze"),
                        "helpText", "How much we care"))
                .send()
                .expect(201);
        JsonNode field = created.json();
        String id = field.get("id").asText();
        assertThat(created.header("Location").orElseThrow()).endsWith(PATH + "/" + id);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(field.get("label").asText()).isEqualTo("Tier");
        assertThat(field.get("options")).extracting(JsonNode::asText).containsExactly("Gold", "Silver", "Bronze");
        assertThat(field.get("required").asBoolean()).isFalse();
        assertThat(field.get("archived").asBoolean()).isFalse();
        assertThat(field.get("lookupTarget").isNull()).isTrue();

        assertThat(api.as("acme", "rep@acme.test", "GET", PATH + "?recordType=account")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("key"))
                .contains(key);

        JsonNode changed = admin("PATCH", PATH + "/" + id)
                .header("If-Match", "\"0\"")
                .json(Map.of("label", "Customer tier", "options", List.of("Platinum", "Gold", "Silver", "Bronze")))
                .send()
                .expect(200)
                .json();
        assertThat(changed.get("options")).extracting(JsonNode::asText).startsWith("Platinum");
        assertThat(changed.get("version").asLong()).isEqualTo(1);
        admin("PATCH", PATH + "/" + id)
                .header("If-Match", "\"0\"")
                .json(Map.of("label", "Stale"))
                .send()
                .expect(412);

        admin("DELETE", PATH + "/" + id).send().expect(204);
        JsonNode archived = admin("GET", PATH + "/" + id).send().expect(200).json();
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(admin("GET", PATH + "?recordType=account&archived=false")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("key"))
                .doesNotContain(key);

        List<String> actions = inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE resource_type = 'custom_field' AND resource_id = ? ORDER BY id",
                        String.class,
                        id));
        assertThat(actions).containsExactly("customfield.created", "customfield.changed", "customfield.archived");
    }

    @Test
    void badDefinitionsNameTheFieldAndWriteNothing() {
        int before = count();
        String key = CustomFieldFixture.key("ok");
        assertField(define(Map.of("key", "Budget")), "key");
        assertField(define(Map.of("key", "1budget")), "key");
        assertField(define(Map.of("key", "budget-eur")), "key");
        assertField(define(Map.of("key", "b".repeat(41))), "key");
        assertField(define(Map.of("key", key, "recordType", "activity")), "recordType");
        assertField(define(Map.of("key", key, "type", "currency")), "type");
        assertField(define(Map.of("key", key, "type", "picklist")), "options");
        assertField(define(Map.of("key", key, "type", "picklist", "options", List.of("A", "a"))), "options[1]");
        assertField(define(Map.of("key", key, "type", "lookup")), "lookupTarget");
        assertField(define(Map.of("key", key, "type", "lookup", "lookupTarget", "invoice")), "lookupTarget");
        assertField(define(Map.of("key", key, "options", List.of("A"))), "options");
        assertField(define(Map.of("key", key, "lookupTarget", "user")), "lookupTarget");
        assertField(define(Map.of("key", key, "colour", "red")), "colour");
        assertField(define(Map.of("key", key, "label", " ")), "label");
        assertField(define(Map.of("key", key, "archived", true)), "archived");
        Map<String, Object> noLabel = new HashMap<>(Map.of("recordType", "lead", "key", key, "type", "text"));
        assertField(admin("POST", PATH).json(noLabel).send(), "label");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aKeyIsUniquePerRecordTypeEvenOnceArchived() {
        String key = CustomFieldFixture.key("dup");
        JsonNode first = define(Map.of("key", key)).expect(201).json();
        admin("DELETE", PATH + "/" + first.get("id").asText()).send().expect(204);
        Api.Response again = define(Map.of("key", key));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asText()).isEqualTo("key");
        define(Map.of("key", key, "recordType", "contact")).expect(201);
    }

    @Test
    void whatIdentifiesStoredValuesCannotChange() {
        JsonNode field = define(Map.of("key", CustomFieldFixture.key("fixed")))
                .expect(201)
                .json();
        String id = field.get("id").asText();
        assertField(admin("PATCH", PATH + "/" + id).json(Map.of("key", "other")).send(), "key");
        assertField(
                admin("PATCH", PATH + "/" + id).json(Map.of("type", "number")).send(), "type");
        assertField(
                admin("PATCH", PATH + "/" + id)
                        .json(Map.of("recordType", "deal"))
                        .send(),
                "recordType");
        assertField(
                admin("PATCH", PATH + "/" + id)
                        .json(Map.of("options", List.of("A")))
                        .send(),
                "options");
        JsonNode same = admin("PATCH", PATH + "/" + id)
                .json(Map.of("key", field.get("key").asText(), "type", "text", "required", true))
                .send()
                .expect(200)
                .json();
        assertThat(same.get("required").asBoolean()).isTrue();
        admin("DELETE", PATH + "/" + id).send().expect(204);
    }

    @Test
    void anOptionRecordsStillHoldCannotBeRemoved() {
        CustomFieldFixture fields = new CustomFieldFixture(api);
        String key = CustomFieldFixture.key("stage");
        JsonNode field = fields.define("lead", key, "picklist", Map.of("options", List.of("Hot", "Warm", "Cold")));
        String id = field.get("id").asText();
        api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("company", "Option Co", "source", "api", "customFields", Map.of(key, "hot")))
                .send()
                .expect(201);

        Api.Response refused = admin("PATCH", PATH + "/" + id)
                .json(Map.of("options", List.of("Warm", "Cold")))
                .send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/option-in-use");
        assertThat(refused.json().get("inUse").asInt()).isEqualTo(1);
        assertThat(refused.json().get("field").asText()).isEqualTo("options");

        JsonNode reordered = admin("PATCH", PATH + "/" + id)
                .json(Map.of("options", List.of("Hot", "Warm")))
                .send()
                .expect(200)
                .json();
        assertThat(reordered.get("options")).extracting(JsonNode::asText).containsExactly("Hot", "Warm");
    }

    @Test
    void onlyTenantManagersDefineFieldsAndReadersSeeOnlyTypesTheyMayRead() {
        String key = CustomFieldFixture.key("secret");
        Map<String, Object> body = Map.of("recordType", "deal", "key", key, "label", "Secret", "type", "text");
        api.as("acme", "rep@acme.test", "POST", PATH).json(body).send().expect(403);
        api.as("acme", "manager@acme.test", "POST", PATH).json(body).send().expect(403);
        String id = admin("POST", PATH)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", "rep@acme.test", "PATCH", PATH + "/" + id)
                .json(Map.of("label", "Mine"))
                .send()
                .expect(403);
        api.as("acme", "rep@acme.test", "DELETE", PATH + "/" + id).send().expect(403);

        api.as("acme", "rep@acme.test", "GET", PATH + "/" + id).send().expect(200);
        api.as("acme", "marketing@acme.test", "GET", PATH + "/" + id).send().expect(403);
        api.as("acme", "marketing@acme.test", "GET", PATH + "?recordType=deal")
                .send()
                .expect(403);
        JsonNode marketingSees = api.as("acme", "marketing@acme.test", "GET", PATH)
                .send()
                .expect(200)
                .json();
        assertThat(marketingSees.findValuesAsText("recordType")).doesNotContain("deal");
        assertField(
                api.as("acme", "rep@acme.test", "GET", PATH + "?recordType=quote")
                        .send(),
                "recordType");
    }

    @Test
    void anotherWorkspaceNeitherSeesNorChangesTheDefinitions() {
        String id = define(Map.of("key", CustomFieldFixture.key("own")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("globex", "admin@globex.test", "GET", PATH + "/" + id).send().expect(404);
        api.as("globex", "admin@globex.test", "PATCH", PATH + "/" + id)
                .json(Map.of("label", "Taken"))
                .send()
                .expect(404);
        api.as("globex", "admin@globex.test", "DELETE", PATH + "/" + id).send().expect(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", PATH)
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("id"))
                .doesNotContain(id);
    }

    private Api.Response define(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("recordType", "lead", "label", "Field", "type", "text"));
        body.putAll(overrides);
        return admin("POST", PATH).json(body).send();
    }

    private Api.Call admin(String method, String path) {
        return api.as("acme", "admin@acme.test", method, path);
    }

    private int count() {
        return inTenant.call(
                "acme", () -> jdbc.queryForObject("SELECT count(*) FROM custom_field_definitions", Integer.class));
    }
}
