package io.salesflow.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import java.util.Map;
import java.util.UUID;

/** Records for duplicate and merge tests, made over the API with words no other test uses. */
final class DuplicateFixture {

    private final Api api;

    DuplicateFixture(Api api) {
        this.api = api;
    }

    /** A short token that makes names, emails and domains of one test its own. */
    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A letters-only token, for names (search splits words at digits' neighbours as well as spaces). */
    static String uniqueWord() {
        StringBuilder b = new StringBuilder();
        for (char c : unique().toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    String create(String tenant, String user, String collection, Map<String, Object> body) {
        return api.as(tenant, user, "POST", "/api/v1/" + collection)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    String create(String user, String collection, Map<String, Object> body) {
        return create("acme", user, collection, body);
    }

    JsonNode duplicates(String tenant, String user, String collection, String id) {
        return api.as(tenant, user, "GET", "/api/v1/" + collection + "/" + id + "/duplicates")
                .send()
                .expect(200)
                .json()
                .get("items");
    }

    JsonNode duplicates(String user, String collection, String id) {
        return duplicates("acme", user, collection, id);
    }

    /** The candidate {@code id} among {@code candidates}, or null. */
    static JsonNode find(JsonNode candidates, String id) {
        for (JsonNode c : candidates) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        return null;
    }

    String userId(String tenant, String email) {
        return api.as(tenant, email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }
}
