package io.salesflow.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.support.Api;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fuzz test shares with the tests after it in the demo workspace: what fuzzed requests may change is
 * noted before and put back after (the duplicate settings and the business calendar; custom fields, archived so that
 * no new required one binds later tests), and what they must not change is compared ({@link #state}: the active rule
 * sets and the default pipeline).
 */
final class SharedWorkspace {

    private final Api api;
    private final Set<String> customFields;
    private final JsonNode duplicateSettings;
    private final JsonNode businessCalendar;
    private final JsonNode nurtureSettings;

    SharedWorkspace(Api api) {
        this.api = api;
        this.customFields = Set.copyOf(get("/api/v1/custom-fields").findValuesAsText("id"));
        this.duplicateSettings = get("/api/v1/duplicates/settings");
        this.businessCalendar = get("/api/v1/business-calendar");
        this.nurtureSettings = get("/api/v1/nurture-settings");
    }

    /** The duplicate settings as they were: the baseline of their replacement, and what {@link #restore} puts back. */
    String duplicateSettings() {
        ObjectNode settings = duplicateSettings.deepCopy();
        settings.remove("version");
        return settings.toString();
    }

    /** The business calendar as it was: the baseline of its replacement, and what {@link #restore} puts back. */
    String businessCalendar() {
        ObjectNode calendar = businessCalendar.deepCopy();
        calendar.remove("version");
        return calendar.toString();
    }

    String nurtureSettings() {
        ObjectNode settings = nurtureSettings.deepCopy();
        settings.remove("version");
        return settings.toString();
    }

    void restore(List<String> pipelines) {
        put("/api/v1/duplicates/settings", duplicateSettings());
        put("/api/v1/business-calendar", businessCalendar());
        put("/api/v1/nurture-settings", nurtureSettings());
        for (String id : get("/api/v1/custom-fields").findValuesAsText("id")) {
            if (!customFields.contains(id)) {
                call("DELETE", "/api/v1/custom-fields/" + id).send();
            }
        }
        pipelines.forEach(id -> call("DELETE", "/api/v1/pipelines/" + id).send());
    }

    /** What must be the same before and after: the active routing and scoring rule sets, the default pipeline. */
    Map<String, String> state() {
        String pipeline = "none";
        for (JsonNode p : get("/api/v1/pipelines")) {
            if (p.path("isDefault").asBoolean()) {
                pipeline = p.path("id").asText();
            }
        }
        return Map.of(
                "routing", active("/api/v1/routing/rule-sets"),
                "scoring", active("/api/v1/scoring/rule-sets"),
                "pipeline", pipeline);
    }

    private String active(String path) {
        JsonNode sets = get(path);
        for (JsonNode set : sets.isArray() ? sets : sets.path("items")) {
            if (set.path("active").asBoolean()
                    || "active".equalsIgnoreCase(set.path("status").asText())) {
                return set.path("id").asText();
            }
        }
        return "none";
    }

    private void put(String path, String body) {
        Api.Response current = call("GET", path).send();
        call("PUT", path)
                .header("If-Match", current.header("ETag").orElse("*"))
                .body(body, "application/json")
                .send()
                .expect(200);
    }

    private JsonNode get(String path) {
        return call("GET", path).send().expect(200).json();
    }

    private Api.Call call(String method, String path) {
        return api.as("acme", "admin@acme.test", method, path);
    }
}
