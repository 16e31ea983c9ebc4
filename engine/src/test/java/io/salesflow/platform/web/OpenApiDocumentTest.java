package io.salesflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OpenAPI document is the web app's typed contract: every {@code /api/v1} operation names the schema of its
 * body and of each success, shows an example, and lists the problems it can answer. The committed snapshot
 * {@code webapp/openapi/salesflow.json}, which the web app's client is generated from, is what the app serves.
 */
@IntegrationTest
class OpenApiDocumentTest {

    static final String SNAPSHOT = "webapp/openapi/salesflow.json";
    static final String UPDATE = "./mvnw -pl engine test -Dtest=OpenApiDocumentTest -Dsalesflow.openapi.write=true";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    Api api;

    @Test
    void everyOperationIsTypedHasAnExampleAndListsItsProblems() {
        JsonNode document = api.get("/v3/api-docs").send().expect(200).json();
        ApiDocumentCheck check = new ApiDocumentCheck(document);
        List<String> failures = check.failures();
        System.out.printf("OpenAPI: %d operations checked, %d failures%n", check.operations(), failures.size());
        assertThat(check.operations()).isGreaterThan(100);
        assertThat(failures)
                .as("operations of /v3/api-docs that are not fully typed")
                .isEmpty();
    }

    @Test
    void theCommittedSnapshotIsWhatTheAppServes() throws IOException {
        String served = pretty(api.get("/v3/api-docs").send().expect(200).json());
        Path snapshot = repositoryRoot().resolve(SNAPSHOT);
        if (Boolean.getBoolean("salesflow.openapi.write")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(snapshot) ? Files.readString(snapshot, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as(
                        "%s differs from what the app serves at /v3/api-docs; update it with `%s` and commit it",
                        SNAPSHOT, UPDATE)
                .isEqualTo(served);
    }

    /** Sorted keys, two-space indent, a final newline: the same document makes the same bytes. */
    static String pretty(JsonNode document) throws IOException {
        return JSON.writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode out = JSON.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return JSON.createArrayNode().addAll(items);
        }
        return node;
    }

    /** The directory holding {@code webapp/}: tests run in {@code engine/}. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("webapp"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory with webapp/").isNotNull();
        return dir;
    }
}
