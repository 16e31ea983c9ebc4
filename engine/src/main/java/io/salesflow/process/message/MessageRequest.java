package io.salesflow.process.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message from outside for a waiting process instance, as checked before the engine sees it: a message name,
 * what finds the instance (its business key, the id of the record it runs on, and/or variable values), plain
 * variables to hand over, and how long to keep it should the instance not be waiting yet.
 *
 * @param bufferFor null to answer 404 at once when no instance waits; else how long to keep trying
 */
public record MessageRequest(
        String messageName,
        String businessKey,
        Map<String, Object> correlationKeys,
        Map<String, Object> variables,
        Duration bufferFor) {

    static final Duration MAX_BUFFER = Duration.ofHours(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final Set<String> FIELDS =
            Set.of("messageName", "businessKey", "correlationKeys", "variables", "bufferFor");
    private static final int MAX_VARIABLES = 50;
    private static final int MAX_TEXT = 4000;

    /** Reads and checks a message body; a 400 naming each bad field. */
    public static MessageRequest read(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError(f, "is not a field of a message"));
            }
        }
        String name = text(body, "messageName", errors);
        if (name == null) {
            errors.add(new FieldError("messageName", "is required"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("messageName", "must be a message name such as LeadReplied"));
        }
        String businessKey = text(body, "businessKey", errors);
        Map<String, Object> keys = plain(body.get("correlationKeys"), "correlationKeys", errors);
        Map<String, Object> variables = plain(body.get("variables"), "variables", errors);
        if (businessKey == null && keys.isEmpty()) {
            errors.add(new FieldError("businessKey", "give a businessKey or correlationKeys to find the instance"));
        }
        Duration buffer = null;
        String bufferText = text(body, "bufferFor", errors);
        if (bufferText != null) {
            try {
                buffer = Duration.parse(bufferText);
                if (buffer.isNegative() || buffer.isZero() || buffer.compareTo(MAX_BUFFER) > 0) {
                    errors.add(new FieldError("bufferFor", "must be a duration from PT1S to PT1H"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("bufferFor", "must be an ISO 8601 duration such as PT30S"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        return new MessageRequest(name, businessKey, keys, variables, buffer);
    }

    private static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 255) {
            errors.add(new FieldError(field, "must be text of 1 to 255 characters"));
            return null;
        }
        return v.asText();
    }

    /** Names to strings, numbers and booleans only: nothing the engine would deserialise into an object. */
    private static Map<String, Object> plain(JsonNode node, String field, List<FieldError> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be an object of names to plain values"));
            return values;
        }
        if (node.size() > MAX_VARIABLES) {
            errors.add(new FieldError(field, "must have at most " + MAX_VARIABLES + " entries"));
            return values;
        }
        node.fields().forEachRemaining(e -> {
            String key = field + "." + e.getKey();
            JsonNode v = e.getValue();
            if (!NAME.matcher(e.getKey()).matches()) {
                errors.add(new FieldError(key, "is not a valid variable name"));
            } else if (v.isTextual() && v.asText().length() <= MAX_TEXT) {
                values.put(e.getKey(), v.asText());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                values.put(e.getKey(), v.asLong());
            } else if (v.isNumber()) {
                values.put(e.getKey(), v.asDouble());
            } else if (v.isBoolean()) {
                values.put(e.getKey(), v.asBoolean());
            } else {
                errors.add(
                        new FieldError(key, "must be text (up to " + MAX_TEXT + " characters), a number or a boolean"));
            }
        });
        return values;
    }
}
