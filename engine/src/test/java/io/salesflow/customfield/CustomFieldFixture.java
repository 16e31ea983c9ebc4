package io.salesflow.customfield;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Defines custom fields the way a workspace admin does, each with a key no other test uses. */
final class CustomFieldFixture {

    private final Api api;

    CustomFieldFixture(Api api) {
        this.api = api;
    }

    /** A fresh key starting with {@code prefix}: keys are never reused, so every test needs its own. */
    static String key(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Defines a field in {@code workspace} as its admin; {@code more} adds or overrides definition fields. */
    JsonNode define(String workspace, String recordType, String key, String type, Map<String, Object> more) {
        Map<String, Object> body =
                new HashMap<>(Map.of("recordType", recordType, "key", key, "label", key, "type", type));
        body.putAll(more);
        return api.as(workspace, "admin@" + workspace + ".test", "POST", "/api/v1/custom-fields")
                .json(body)
                .send()
                .expect(201)
                .json();
    }

    JsonNode define(String recordType, String key, String type, Map<String, Object> more) {
        return define("acme", recordType, key, type, more);
    }

    /** Archives a field of acme, so that a required one stops binding the tests that follow. */
    void archive(JsonNode definition) {
        api.as(
                        "acme",
                        "admin@acme.test",
                        "DELETE",
                        "/api/v1/custom-fields/" + definition.get("id").asText())
                .send()
                .expect(204);
    }
}
