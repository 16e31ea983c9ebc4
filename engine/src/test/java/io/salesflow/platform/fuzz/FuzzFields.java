package io.salesflow.platform.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.records.RecordField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutations of a JSON body one field at a time, nested fields included; bodies are written with non-ASCII escaped. */
final class FuzzFields {

    /** Escaped: a lone surrogate written as UTF-8 would arrive as a question mark, not as itself. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private FuzzFields() {}

    /**
     * The baseline body with one field at a time set to each value: the record type's fields with the values for
     * their type, and every other field the baseline has and the schema names, with every value.
     */
    static List<FuzzRequest> requests(ApiOperation op, String path, String body, List<RecordField> recordFields) {
        JsonNode base = read(body);
        Set<List<Object>> named = new LinkedHashSet<>();
        targets(base, op.bodySchema(), new ArrayList<>(), named, 0);
        Map<List<Object>, List<JsonNode>> targets = new LinkedHashMap<>();
        // A record field gets the values for its type even where the document names it: the full corpus on each of
        // a record type's dozens of fields would be thousands of requests.
        for (RecordField field : recordFields) {
            targets.put(List.of((Object[]) field.name().split("\\.")), FuzzCorpus.bodyValuesFor(field.type()));
        }
        named.forEach(target -> targets.putIfAbsent(target, FuzzCorpus.BODY_VALUES));
        List<FuzzRequest> requests = new ArrayList<>();
        for (Map.Entry<List<Object>, List<JsonNode>> entry : targets.entrySet()) {
            List<Object> target = entry.getKey();
            for (JsonNode value : entry.getValue()) {
                JsonNode mutated = base.deepCopy();
                set(mutated, target, value);
                requests.add(FuzzRequest.json(
                        op, "body " + name(target) + "=" + shorten(value.toString()), path, Map.of(), write(mutated)));
            }
        }
        return requests;
    }

    /** Every field the baseline has and the schema names, nested objects and first list items included. */
    private static void targets(JsonNode base, JsonNode schema, List<Object> at, Set<List<Object>> out, int depth) {
        if (depth > 3) {
            return;
        }
        if (base.isArray()) {
            if (!base.isEmpty() && base.get(0).isObject()) {
                List<Object> first = new ArrayList<>(at);
                first.add(0);
                targets(base.get(0), schema.path("items"), first, out, depth + 1);
            }
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        base.fieldNames().forEachRemaining(names::add);
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            List<Object> target = new ArrayList<>(at);
            target.add(name);
            out.add(target);
            JsonNode value = base.path(name);
            if (value.isContainerNode()) {
                targets(value, schema.path("properties").path(name), target, out, depth + 1);
            }
        }
    }

    private static void set(JsonNode root, List<Object> target, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < target.size() - 1; i++) {
            Object part = target.get(i);
            JsonNode next = part instanceof Integer index ? node.path(index) : node.path((String) part);
            if (!next.isContainerNode()) {
                next = ((ObjectNode) node).putObject((String) part);
            }
            node = next;
        }
        Object last = target.get(target.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) node).set(index, value);
        } else {
            ((ObjectNode) node).set((String) last, value);
        }
    }

    private static String name(List<Object> target) {
        StringBuilder name = new StringBuilder();
        for (Object part : target) {
            name.append(part instanceof Integer i ? "[" + i + "]" : (name.isEmpty() ? "" : ".") + part);
        }
        return name.toString();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }
}
