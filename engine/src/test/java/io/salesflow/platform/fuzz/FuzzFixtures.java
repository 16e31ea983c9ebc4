package io.salesflow.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fuzz test works on, made by the test itself in the demo workspace so that no request, destructive or
 * not, touches data other tests rely on: one record of each type to read and change, one to delete, one deleted
 * to restore, a lead to convert and two to merge, a user, team, role, pipeline, rule sets, custom fields,
 * attachments, an import, an API key. Operations that switch the whole workspace (activating or rolling back a
 * rule set) get an id that does not exist.
 */
final class FuzzFixtures {

    static final List<String> RECORD_COLLECTIONS =
            List.of("accounts", "activities", "contacts", "deals", "leads", "notes");
    static final String PASSWORD = "Fuzz-password-1";

    private final Api api;
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Map<String, String> ids = new HashMap<>();
    final String adminId;
    final String userEmail = "fuzz-" + suffix + "@acme.test";

    private FuzzFixtures(Api api) {
        this.api = api;
        this.adminId = call("GET", "/api/v1/me", null).get("id").asText();
    }

    static FuzzFixtures create(Api api) {
        FuzzFixtures f = new FuzzFixtures(api);
        f.records();
        f.directory();
        f.configuration();
        f.files();
        return f;
    }

    /** The id a fixture was made with, by its name: {@code leads}, {@code leads-to-delete}, {@code user}, … */
    String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("No fixture " + name);
        }
        return id;
    }

    String suffix() {
        return suffix;
    }

    /** A body that creates a record of the collection. */
    String createBody(String collection) {
        return switch (collection) {
            case "accounts" -> "{\"name\":\"Fuzz account " + suffix + "\"}";
            case "activities" -> "{\"type\":\"task\",\"subject\":\"Fuzz task\"}";
            case "contacts" -> "{\"lastName\":\"Fuzz contact\"}";
            case "deals" -> "{\"name\":\"Fuzz deal\",\"amount\":10,\"currency\":\"EUR\"}";
            case "leads" -> "{\"lastName\":\"Fuzz lead\",\"company\":\"Fuzz " + suffix + "\",\"source\":\"api\"}";
            case "notes" -> "{\"body\":\"Fuzz note\",\"leadId\":\"" + id("leads") + "\"}";
            default -> throw new IllegalArgumentException(collection);
        };
    }

    private void records() {
        for (String collection : RECORD_COLLECTIONS) {
            ids.put(collection, create(collection));
            ids.put(collection + "-to-delete", create(collection));
            String deleted = create(collection);
            call("DELETE", "/api/v1/" + collection + "/" + deleted, null);
            ids.put(collection + "-deleted", deleted);
        }
        String convertible = create("leads");
        call("PATCH", "/api/v1/leads/" + convertible, "{\"status\":\"contacted\"}");
        call("PATCH", "/api/v1/leads/" + convertible, "{\"status\":\"qualified\"}");
        ids.put("lead-to-convert", convertible);
        ids.put("merge-survivor", create("leads"));
        ids.put("merge-victim", create("leads"));
    }

    private void directory() {
        ids.put(
                "user",
                call(
                                "POST",
                                "/api/v1/users",
                                "{\"email\":\"" + userEmail + "\",\"displayName\":\"Fuzz user\",\"password\":\""
                                        + PASSWORD + "\",\"roles\":[\"sales_rep\"]}")
                        .get("id")
                        .asText());
        created("absence", "/api/v1/users/" + id("user") + "/absences", absenceBody());
        created("team", "/api/v1/teams", teamBody("Fuzz team " + suffix));
        created("team-to-delete", "/api/v1/teams", teamBody("Fuzz team to delete " + suffix));
        created("role", "/api/v1/roles", roleBody("fuzz_" + suffix));
        created("role-to-delete", "/api/v1/roles", roleBody("fuzz_del_" + suffix));
        created("api-key", "/api/v1/api-keys", apiKeyBody());
        for (String session : List.of("refresh-token", "logout-token")) {
            ids.put(
                    session,
                    api.login("acme", userEmail, PASSWORD)
                            .expect(200)
                            .json()
                            .get("refreshToken")
                            .asText());
        }
    }

    private void configuration() {
        created("pipeline", "/api/v1/pipelines", pipelineBody("Fuzz pipeline " + suffix));
        created("pipeline-to-delete", "/api/v1/pipelines", pipelineBody("Fuzz pipeline to delete " + suffix));
        created("deal-reason", "/api/v1/deal-reasons", reasonBody());
        created("routing-rule-set", "/api/v1/routing/rule-sets", routingBody());
        created("routing-rule-set-to-delete", "/api/v1/routing/rule-sets", routingBody());
        created("scoring-rule-set", "/api/v1/scoring/rule-sets", scoringBody());
        for (String type : List.of("number", "date", "text")) {
            ids.put("custom-" + type, defineField("fuzz" + type + suffix, type));
        }
        ids.put("custom-field", defineField("fuzzpatch" + suffix, "text"));
        ids.put("custom-field-to-delete", defineField("fuzzdel" + suffix, "text"));
        created("saved-view", "/api/v1/saved-views", savedViewBody("Fuzz view " + suffix));
        created("saved-view-to-delete", "/api/v1/saved-views", savedViewBody("Fuzz view to delete " + suffix));
        JsonNode jobs = call("GET", "/api/v1/scoring/rescoring-jobs", null).get("items");
        ids.put(
                "rescoring-job",
                jobs.isEmpty()
                        ? UUID.randomUUID().toString()
                        : jobs.get(0).get("id").asText());
    }

    private void files() {
        for (String name : List.of("attachment", "attachment-to-delete")) {
            ids.put(
                    name,
                    api.as("acme", "admin@acme.test", "POST", "/api/v1/leads/" + id("leads") + "/attachments")
                            .multipart(new Multipart().file("file", "fuzz.txt", "text/plain", bytes("fuzz")))
                            .send()
                            .expect(201)
                            .json()
                            .get("id")
                            .asText());
        }
        ids.put(
                "import",
                api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                        .multipart(importForm())
                        .send()
                        .expect(202)
                        .json()
                        .get("id")
                        .asText());
    }

    private Multipart importForm() {
        return importFile().field("recordType", "leads").field("dryRun", "true");
    }

    /** An import's file part; the fuzzed requests send its record type and dry run as query parameters. */
    Multipart importFile() {
        return new Multipart().file("file", "fuzz.csv", "text/csv", bytes("lastName,source\nFuzz,web\n"));
    }

    /** The pipelines the fixtures made, which the workspace's pipeline list should not keep. */
    List<String> pipelines() {
        return List.of(id("pipeline"), id("pipeline-to-delete"));
    }

    String customFieldKey(String type) {
        return "fuzz" + type + suffix;
    }

    String absenceBody() {
        return "{\"startsAt\":\"2031-01-01T00:00:00Z\",\"endsAt\":\"2031-01-02T00:00:00Z\",\"reason\":\"Fuzz\"}";
    }

    String teamBody(String name) {
        return "{\"name\":\"" + name + "\",\"managerId\":\"" + adminId + "\",\"memberIds\":[\"" + ids.get("user")
                + "\"]}";
    }

    String roleBody(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"Fuzz role " + code + "\",\"description\":\"Fuzz\","
                + "\"permissions\":[{\"permission\":\"leads:read\",\"scope\":\"OWN\"}]}";
    }

    String apiKeyBody() {
        return "{\"name\":\"Fuzz key\",\"scopes\":[\"leads:read\"],\"expiresAt\":\"2031-01-01T00:00:00Z\"}";
    }

    String pipelineBody(String name) {
        return "{\"name\":\"" + name + "\",\"isDefault\":false,\"archived\":false,\"stages\":["
                + "{\"name\":\"Open\",\"probability\":10,\"closed\":false,\"won\":false},"
                + "{\"name\":\"Won\",\"probability\":100,\"closed\":true,\"won\":true},"
                + "{\"name\":\"Lost\",\"probability\":0,\"closed\":true,\"won\":false}]}";
    }

    String reasonBody() {
        return "{\"kind\":\"LOST\",\"label\":\"Fuzz reason " + suffix + "\",\"active\":false,\"position\":99}";
    }

    String routingBody() {
        String team = ids.get("team");
        return "{\"unassignedQueue\":\"" + team + "\",\"rules\":[{\"name\":\"Fuzz\",\"team\":\"" + team
                + "\",\"priority\":10,\"conditions\":[{\"field\":\"COUNTRY\",\"operator\":\"IN\",\"values\":[\"DE\"]}]}]}";
    }

    String scoringBody() {
        return "{\"name\":\"Fuzz scoring\",\"kind\":\"data\",\"thresholds\":{\"hot\":80,\"warm\":50},"
                + "\"rules\":[{\"name\":\"Fuzz rule\",\"type\":\"DEMOGRAPHIC\",\"points\":5,\"priority\":1}]}";
    }

    private String defineField(String key, String type) {
        return call(
                        "POST",
                        "/api/v1/custom-fields",
                        "{\"recordType\":\"lead\",\"key\":\"" + key + "\",\"label\":\"" + key + "\",\"type\":\"" + type
                                + "\"}")
                .get("id")
                .asText();
    }

    String savedViewBody(String name) {
        return "{\"recordType\":\"lead\",\"name\":\"" + name
                + "\",\"state\":{\"sort\":[{\"field\":\"createdAt\",\"direction\":\"desc\"}],"
                + "\"columns\":[\"lastName\"]}}";
    }

    private String create(String collection) {
        return call("POST", "/api/v1/" + collection, createBody(collection))
                .get("id")
                .asText();
    }

    /** Creates a fixture record and keeps its id under the name the operations' path parameters use. */
    private void created(String name, String path, String body) {
        ids.put(name, call("POST", path, body).get("id").asText());
    }

    private JsonNode call(String method, String path, String body) {
        Api.Call call = api.as("acme", "admin@acme.test", method, path);
        if (body != null) {
            call.body(body, "application/json");
        }
        Api.Response response = call.send();
        if (response.status() >= 300) {
            throw new IllegalStateException(
                    "Fixture " + method + " " + path + ": " + response.status() + " " + response.body());
        }
        return response.status() == 204 ? null : response.json();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
