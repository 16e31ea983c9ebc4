package io.salesflow.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A merge body: {@code {survivorId, mergedIds: [...], fields: {"<field>": "<id of the record whose value wins>"}}}.
 * Checks its shape only (the records are the service's business); every refusal names its field.
 */
record MergeRequest(UUID survivorId, List<UUID> mergedIds, Map<String, UUID> fields) {

    /** At most this many records in one merge, the survivor included. */
    static final int MAX_RECORDS = 10;

    private static final Set<String> FIELDS = Set.of("survivorId", "mergedIds", "fields");

    MergeRequest {
        mergedIds = List.copyOf(mergedIds);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static MergeRequest read(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw RecordInput.unknown(name);
            }
        }
        UUID survivor = RecordInput.uuid("survivorId", body.get("survivorId"));
        if (survivor == null) {
            throw Problem.invalid("survivorId", "is required: the record that stays");
        }
        List<UUID> merged = mergedIds(body.get("mergedIds"), survivor);
        return new MergeRequest(survivor, merged, choices(body.get("fields"), survivor, merged));
    }

    /** The survivor first, then the merged records, each with the field of the body that named it. */
    Map<String, UUID> idsByField() {
        Map<String, UUID> ids = new LinkedHashMap<>();
        ids.put("survivorId", survivorId);
        for (int i = 0; i < mergedIds.size(); i++) {
            ids.put("mergedIds[" + i + "]", mergedIds.get(i));
        }
        return ids;
    }

    private static List<UUID> mergedIds(JsonNode v, UUID survivor) {
        if (v == null || !v.isArray() || v.isEmpty() || v.size() > MAX_RECORDS - 1) {
            throw Problem.invalid(
                    "mergedIds", "must list the 1 to " + (MAX_RECORDS - 1) + " records merged into the survivor");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String field = "mergedIds[" + i + "]";
            UUID id = RecordInput.uuid(field, v.get(i));
            if (id == null) {
                throw Problem.invalid(field, "must be an id");
            }
            if (id.equals(survivor)) {
                throw Problem.invalid(field, "is the survivor: a record is not merged into itself");
            }
            if (ids.contains(id)) {
                throw Problem.invalid(field, "is in the list twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, UUID> choices(JsonNode v, UUID survivor, List<UUID> merged) {
        Map<String, UUID> choices = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return choices;
        }
        if (!v.isObject()) {
            throw Problem.invalid("fields", "must be an object of field name to the id of the record whose value wins");
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = v.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> e = entries.next();
            String field = "fields." + e.getKey();
            UUID from = RecordInput.uuid(field, e.getValue());
            if (from == null || !(from.equals(survivor) || merged.contains(from))) {
                throw Problem.invalid(field, "must be the id of the survivor or of one of the merged records");
            }
            choices.put(e.getKey(), from);
        }
        return choices;
    }
}
