package io.salesflow.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Applies a JSON body to a note (merge-patch meaning); the links it asks for come back for the service to check. */
final class NoteInput {

    static final int MAX_BODY = 20_000;

    private NoteInput() {}

    static Map<Link, UUID> apply(ObjectNode body, Note note, RecordInput.Assignment assignment, boolean creating) {
        if (creating && !body.hasNonNull("body")) {
            throw Problem.invalid("body", "is required");
        }
        Map<Link, UUID> links = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (RecordInput.common(field, v, note, assignment)) {
                continue;
            }
            Optional<Link> link = Link.byField(field);
            if (link.isPresent()) {
                links.put(link.get(), RecordInput.uuid(field, v));
                continue;
            }
            switch (field) {
                case "body" -> note.setBody(RecordInput.requiredText(field, v, MAX_BODY));
                case "pinned" -> note.setPinned(bool(field, v));
                case "mentionedUserIds" ->
                    throw Problem.invalid(field, "follows the mentions in body: write @[Name](user:<id>) there");
                default -> throw RecordInput.unknown(field);
            }
        }
        return links;
    }

    private static boolean bool(String field, JsonNode v) {
        if (v == null || !v.isBoolean()) {
            throw Problem.invalid(field, "must be true or false");
        }
        return v.booleanValue();
    }
}
