package io.salesflow.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The limits the API document states for record bodies ({@code maxLength}, {@code enum}) are the ones the API
 * enforces: a text one character too long and a value outside the list are refused on that field, a text of the
 * stated length is not refused for its length, and every listed value is accepted as a value. A client generated
 * from the document can therefore check a form before it sends it.
 */
@IntegrationTest
class RecordLimitsTest {

    private static final Map<String, String> COLLECTIONS =
            Map.of("Lead", "leads", "Contact", "contacts", "Account", "accounts", "Deal", "deals");

    @Autowired
    Api api;

    @Test
    void everyStatedLimitIsTheOneTheApiEnforces() {
        JsonNode schemas = api.get("/v3/api-docs")
                .send()
                .expect(200)
                .json()
                .path("components")
                .path("schemas");
        List<String> checked = new ArrayList<>();
        COLLECTIONS.forEach((type, collection) -> {
            JsonNode input = schemas.path(type + "Input");
            ObjectNode example = (ObjectNode) input.path("example");
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            input.path("properties").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String field = property.getKey();
                JsonNode schema = property.getValue();
                if (schema.has("maxLength")) {
                    int max = schema.get("maxLength").asInt();
                    assertRefusedOn(collection, with(example, field, "a".repeat(max + 1)), field);
                    assertNoLengthRefusal(collection, with(example, field, "a".repeat(max)), field, max);
                    checked.add(type + "." + field + " maxLength " + max);
                }
                if (schema.has("enum")) {
                    assertRefusedOn(collection, with(example, field, "not-a-listed-value"), field);
                    String id = create(collection, example);
                    for (JsonNode value : schema.get("enum")) {
                        if (!value.isNull()) {
                            assertValueAccepted(collection, id, field, value.asText());
                        }
                    }
                    checked.add(type + "." + field + " enum " + schema.get("enum"));
                }
            }
        });
        System.out.printf("Record limits: %d checked%n", checked.size());
        assertThat(checked)
                .as("the document states limits for the fields the inputs limit")
                .contains(
                        "Lead.firstName maxLength 100",
                        "Contact.title maxLength 200",
                        "Account.name maxLength 200",
                        "Deal.closeNote maxLength 2000")
                .anyMatch(c -> c.startsWith("Lead.status enum"))
                .anyMatch(c -> c.startsWith("Deal.status enum"))
                .anyMatch(c -> c.startsWith("Account.size enum"));
    }

    private static ObjectNode with(ObjectNode example, String field, String value) {
        ObjectNode body = example.deepCopy();
        body.put(field, value);
        return body;
    }

    private void assertRefusedOn(String collection, ObjectNode body, String field) {
        Api.Response response =
                admin("POST", "/api/v1/" + collection).json(body).send();
        assertThat(response.status()).as("%s with %s", collection, body).isEqualTo(400);
        assertThat(fields(response.json()))
                .as("%s refused with %s", collection, body)
                .contains(field);
    }

    /** Refused or not for another reason (a format, say), but never for a text of the stated length. */
    private void assertNoLengthRefusal(String collection, ObjectNode body, String field, int max) {
        Api.Response response =
                admin("POST", "/api/v1/" + collection).json(body).send();
        if (response.status() == 201) {
            return;
        }
        for (JsonNode error : response.json().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                assertThat(error.path("message").asText())
                        .as("%s.%s with %d characters", collection, field, max)
                        .doesNotContain("at most");
            }
        }
    }

    private void assertValueAccepted(String collection, String id, String field, String value) {
        Api.Response response = admin("PATCH", "/api/v1/" + collection + "/" + id)
                .json(Map.of(field, value))
                .send();
        if (response.status() == 200) {
            return;
        }
        for (JsonNode error : response.json().path("errors")) {
            assertThat(error.path("message").asText())
                    .as("%s.%s = %s", collection, field, value)
                    .doesNotContain("must be one of");
        }
    }

    private String create(String collection, ObjectNode example) {
        return admin("POST", "/api/v1/" + collection)
                .json(example)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private Api.Call admin(String method, String path) {
        return api.as("acme", "admin@acme.test", method, path);
    }
}
