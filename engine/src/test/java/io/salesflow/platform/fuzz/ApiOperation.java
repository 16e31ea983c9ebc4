package io.salesflow.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of the OpenAPI document: its method and path template, its parameters, the schema of its body
 * ($refs resolved) and the statuses it documents.
 */
record ApiOperation(
        String method,
        String path,
        List<Parameter> parameters,
        String bodyType,
        JsonNode bodySchema,
        Set<String> statuses) {

    record Parameter(String name, String in) {}

    /** Every operation of the document, ordered by path then method, so every run sends the same requests. */
    static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                operations.add(of(document, path.getKey(), method.getKey().toUpperCase(), method.getValue()));
            }
        }
        operations.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return operations;
    }

    private static ApiOperation of(JsonNode document, String path, String method, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        operation
                .path("parameters")
                .forEach(p -> parameters.add(
                        new Parameter(p.get("name").asText(), p.get("in").asText())));
        String bodyType = null;
        JsonNode bodySchema = MissingNode.getInstance();
        JsonNode content = operation.path("requestBody").path("content");
        if (content.fieldNames().hasNext()) {
            bodyType = content.fieldNames().next();
            bodySchema = resolve(document, content.get(bodyType).path("schema"));
        }
        Set<String> statuses = new TreeSet<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return new ApiOperation(method, path, List.copyOf(parameters), bodyType, bodySchema, statuses);
    }

    /** The schema with its {@code $ref} followed (once: nested refs are followed when a field is looked up). */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String name = current.get("$ref").asText().substring("#/components/schemas/".length());
            current = document.get("components").get("schemas").get(name);
        }
        return current;
    }

    boolean documents(int status) {
        return statuses.contains(Integer.toString(status));
    }

    String label() {
        return method + " " + path;
    }
}
