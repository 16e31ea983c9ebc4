package io.salesflow.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What {@link OpenApiDocumentTest} asks of each operation, one failure line per operation and gap: a body schema
 * when it takes a body, a schema for every success with content (not a bare {@code type: object}), an example on
 * the body or a success (on a problem only when it has neither), and the problems with the shared schema.
 */
final class ApiDocumentCheck {

    private final JsonNode document;
    private final List<String> failures = new ArrayList<>();
    private int operations;

    ApiDocumentCheck(JsonNode document) {
        this.document = document;
        if (!schema("Problem")
                .path("properties")
                .path("errors")
                .path("items")
                .path("properties")
                .has("field")) {
            failures.add("components.schemas.Problem with errors[] {field, message} is missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                check(op.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), op.getValue());
            }
        }
    }

    int operations() {
        return operations;
    }

    List<String> failures() {
        return failures;
    }

    private void check(String label, String path, JsonNode operation) {
        boolean example = false;
        JsonNode body = operation.path("requestBody").path("content");
        for (Iterator<Map.Entry<String, JsonNode>> types = body.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (bare(type.getValue().path("schema"))) {
                failures.add(label + ": request body " + type.getKey() + " has no schema");
            }
            example |= hasExample(type.getValue());
        }
        boolean content = body.size() > 0;
        JsonNode responses = operation.path("responses");
        if (!responses.fieldNames().hasNext()) {
            failures.add(label + ": no responses");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> types =
                            response.getValue().path("content").fields();
                    types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                content = true;
                if (bare(type.getValue().path("schema"))) {
                    failures.add(label + ": response " + response.getKey() + " " + type.getKey() + " has no schema");
                }
                example |= hasExample(type.getValue()) || binary(type.getValue().path("schema"));
            }
        }
        List<String> problems = new ArrayList<>(List.of("400", "401"));
        if (!path.startsWith("/api/v1/auth/")) {
            problems.add("403");
        }
        if (path.contains("{")) {
            problems.add("404");
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equalsIgnoreCase("If-Match")) {
                problems.add("412");
            }
        }
        for (String status : problems) {
            if (!responses.has(status)) {
                failures.add(label + ": no " + status + " problem response");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                JsonNode problem =
                        sharedResponse(response.getValue()).path("content").path("application/problem+json");
                if (!problem.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                    failures.add(label + ": response " + response.getKey() + " is not an application/problem+json"
                            + " Problem");
                } else if (!content) {
                    example |= hasExample(problem);
                }
            }
        }
        if (!example) {
            failures.add(label + ": no example");
        }
    }

    /** No schema, or an object (or list of them) that names neither properties nor the type of its values. */
    private boolean bare(JsonNode given) {
        JsonNode schema = resolve(given);
        if (schema.isMissingNode() || schema.isEmpty()) {
            return true;
        }
        if (schema.has("properties") || schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
            return false;
        }
        String type = schema.path("type").isArray()
                ? schema.path("type").path(0).asText()
                : schema.path("type").asText();
        switch (type) {
            case "array":
                return bare(schema.path("items"));
            case "object":
                JsonNode values = schema.path("additionalProperties");
                return !(values.isObject() && !values.isEmpty());
            default:
                return type.isEmpty();
        }
    }

    private boolean hasExample(JsonNode media) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        JsonNode schema = resolve(media.path("schema"));
        return schema.has("example") || schema.has("examples");
    }

    private boolean binary(JsonNode schema) {
        return resolve(schema).path("format").asText().equals("binary");
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; current.has("$ref") && i < 10; i++) {
            String ref = current.get("$ref").asText();
            current = schema(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    /** A response given as a {@code $ref} to {@code components/responses}, or the response itself. */
    private JsonNode sharedResponse(JsonNode response) {
        String ref = response.path("$ref").asText();
        if (!ref.startsWith("#/components/responses/")) {
            return response;
        }
        return document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private JsonNode schema(String name) {
        JsonNode found = document.path("components").path("schemas").path(name);
        return found.isMissingNode() ? MissingNode.getInstance() : found;
    }
}
