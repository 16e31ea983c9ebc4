package io.salesflow.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads record fields from a JSON body with merge-patch meaning (present: set, null: clear, absent: keep) and
 * turns every rule into a 400 naming the field. Record types use it for their own fields and hand the shared
 * ones ({@code ownerId}, {@code teamId}, {@code tags}) to {@link #common}.
 */
public final class RecordInput {

    private RecordInput() {}

    /** The owner and team a body asks for; checked against the directory and the caller's reach on save. */
    public static final class Assignment {
        private boolean ownerGiven;
        private UUID ownerId;
        private boolean teamGiven;
        private UUID teamId;

        public boolean ownerGiven() {
            return ownerGiven;
        }

        public UUID ownerId() {
            return ownerId;
        }

        public boolean teamGiven() {
            return teamGiven;
        }

        public UUID teamId() {
            return teamId;
        }
    }

    /** Applies {@code ownerId}, {@code teamId} or {@code tags}; false when the field is not one of them. */
    public static boolean common(String field, JsonNode value, CrmRecord record, Assignment assignment) {
        switch (field) {
            case "ownerId" -> {
                assignment.ownerGiven = true;
                assignment.ownerId = uuid(field, value);
                if (assignment.ownerId == null) {
                    throw Problem.invalid(field, "a record always has an owner");
                }
            }
            case "teamId" -> {
                assignment.teamGiven = true;
                assignment.teamId = uuid(field, value);
            }
            case "tags" -> record.setTags(tags(field, value));
            default -> {
                return false;
            }
        }
        return true;
    }

    public static Problem unknown(String field) {
        return Problem.invalid(field, "is not a known field");
    }

    public static String text(String field, JsonNode v, int max) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw Problem.invalid(field, "must be text");
        }
        String s = v.asText().trim();
        if (s.length() > max) {
            throw Problem.invalid(field, "must have at most " + max + " characters");
        }
        return s.isEmpty() ? null : s;
    }

    public static String requiredText(String field, JsonNode v, int max) {
        String s = text(field, v, max);
        if (s == null) {
            throw Problem.invalid(field, "must not be blank");
        }
        return s;
    }

    public static String oneOf(String field, JsonNode v, Set<String> allowed) {
        String s = text(field, v, 100);
        if (s != null && !allowed.contains(s)) {
            throw Problem.invalid(
                    field, "must be one of " + allowed.stream().sorted().toList());
        }
        return s;
    }

    public static UUID uuid(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, "is not an id");
        }
    }

    public static List<String> tags(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.invalid(field, "must be a list of tags");
        }
        if (v.size() > 50) {
            throw Problem.invalid(field, "must have at most 50 tags");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            tags.add(requiredText(field + "[" + i + "]", v.get(i), 50));
        }
        return tags;
    }
}
