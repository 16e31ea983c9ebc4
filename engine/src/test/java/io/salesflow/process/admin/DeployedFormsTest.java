package io.salesflow.process.admin;

import static io.salesflow.process.admin.AdminProcesses.GLOBEX_ADMIN;
import static io.salesflow.process.admin.AdminProcesses.OPS;
import static io.salesflow.process.admin.AdminProcesses.REP;
import static io.salesflow.process.admin.AdminProcesses.all;
import static io.salesflow.process.admin.AdminProcesses.uniqueKey;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The modeler opens deployed Camunda Forms: ops list the latest version of each form, every version of one and a
 * version's JSON; a rep may not; another workspace's forms are 404 and never listed.
 */
@IntegrationTest
class DeployedFormsTest {

    @Autowired
    Api api;

    private static String form(String key, String label) {
        return """
                {"id": "%s", "type": "default", "schemaVersion": 16, "executionPlatform": "Camunda Platform",
                 "components": [{"key": "note", "label": "%s", "type": "textfield", "id": "Field_note"}]}
                """
                .formatted(key, label);
    }

    private void deploy(String key, String label) {
        api.as("acme", OPS, "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file(
                                "file",
                                key + ".form",
                                "application/json",
                                form(key, label).getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(201);
    }

    private JsonNode get(String path) {
        return api.as("acme", OPS, "GET", path).send().expect(200).json();
    }

    @Test
    void opsListTheLatestVersionOfEachFormEveryVersionAndItsJson() {
        String key = uniqueKey("form");
        deploy(key, "First note");
        deploy(key, "Second note");

        JsonNode latest = all(api, "acme", OPS, "/api/v1/form-definitions").stream()
                .filter(f -> f.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("resourceName").asText()).isEqualTo(key + ".form");
        assertThat(latest.get("deploymentId").asText()).isNotBlank();
        assertThat(latest.get("deployedAt").asText()).isNotBlank();
        assertThat(all(api, "acme", OPS, "/api/v1/form-definitions").stream()
                        .map(f -> f.get("key").asText()))
                .contains(key, "approve-deal")
                .doesNotHaveDuplicates();

        JsonNode versions = get("/api/v1/form-definitions/" + key + "/versions").get("items");
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        String first = versions.get(1).get("id").asText();

        JsonNode json = get("/api/v1/form-definitions/" + first + "/json");
        assertThat(json.get("key").asText()).isEqualTo(key);
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("json").asText()).contains("First note").doesNotContain("Second note");

        JsonNode onePerPage = get("/api/v1/form-definitions/" + key + "/versions?limit=1");
        assertThat(onePerPage.get("items")).hasSize(1);
        assertThat(onePerPage.get("nextCursor").asText()).isNotBlank();
    }

    @Test
    void anotherWorkspaceFindsNoneOfItAndARepMayNotLook() {
        String key = uniqueKey("form-private");
        deploy(key, "Private note");
        String id = get("/api/v1/form-definitions/" + key + "/versions")
                .get("items")
                .get(0)
                .get("id")
                .asText();

        Api.Response json = api.as("globex", GLOBEX_ADMIN, "GET", "/api/v1/form-definitions/" + id + "/json")
                .send()
                .expect(404);
        assertThat(json.contentType()).startsWith("application/problem+json");
        api.as("globex", GLOBEX_ADMIN, "GET", "/api/v1/form-definitions/" + key + "/versions")
                .send()
                .expect(404);
        assertThat(all(api, "globex", GLOBEX_ADMIN, "/api/v1/form-definitions").stream()
                        .map(f -> f.get("key").asText()))
                .doesNotContain(key)
                .contains("approve-deal");
        assertThat(all(api, "globex", GLOBEX_ADMIN, "/api/v1/form-definitions").stream()
                        .map(f -> f.get("id").asText()))
                .doesNotContain(id);

        api.as("acme", REP, "GET", "/api/v1/form-definitions").send().expect(403);
        api.as("acme", REP, "GET", "/api/v1/form-definitions/" + id + "/json")
                .send()
                .expect(403);
    }

    @Test
    void aMissingFormAndABadPageAreProblems() {
        Api.Response missing = api.as("acme", OPS, "GET", "/api/v1/form-definitions/no-such-form:1:x/json")
                .send()
                .expect(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        api.as("acme", OPS, "GET", "/api/v1/form-definitions/no-such-form/versions")
                .send()
                .expect(404);
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/form-definitions?limit=0").send(), "limit");
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/form-definitions?cursor=bm90LWEtY3Vyc29y")
                        .send(),
                "cursor");
    }
}
