package io.salesflow.hooks;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.lead.LeadIntakeFields;
import io.salesflow.platform.problem.Problem.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a mapping when an admin saves it, field by field, and applies it to a payload when an event is processed:
 * the body of a lead creation or of a process message, built from the values the mapping's pointers find.
 */
final class InboundMappings {

    /** Why a payload cannot be mapped: the event fails with this reason. */
    static final class Unmappable extends RuntimeException {
        Unmappable(String message) {
            super(message);
        }
    }

    private static final Pattern MESSAGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final int MAX_ENTRIES = 50;
    private static final int MAX_POINTER = 200;
    private static final Duration MAX_BUFFER = Duration.ofHours(1);

    private InboundMappings() {}

    static void checkLead(InboundLeadMapping lead, List<FieldError> errors) {
        if (lead == null) {
            errors.add(new FieldError("lead", "is required for the action create_lead"));
            return;
        }
        if (lead.source() == null || !LeadIntakeFields.sources().contains(lead.source())) {
            errors.add(
                    new FieldError("lead.source", "must be one of " + String.join(", ", LeadIntakeFields.sources())));
        }
        if (lead.fields() == null || lead.fields().isEmpty()) {
            errors.add(new FieldError("lead.fields", "map at least one lead field to a pointer into the payload"));
            return;
        }
        if (lead.fields().size() > MAX_ENTRIES) {
            errors.add(new FieldError("lead.fields", "must have at most " + MAX_ENTRIES + " entries"));
            return;
        }
        lead.fields().forEach((field, pointer) -> {
            if (!LeadIntakeFields.MAPPABLE.contains(field)) {
                errors.add(new FieldError(
                        "lead.fields." + field,
                        "is not a lead field a webhook may fill; use one of "
                                + String.join(", ", LeadIntakeFields.MAPPABLE)));
            } else {
                checkPointer("lead.fields." + field, pointer, errors);
            }
        });
        if (!lead.fields().containsKey("firstName")
                && !lead.fields().containsKey("lastName")
                && !lead.fields().containsKey("company")) {
            errors.add(new FieldError("lead.fields", "map firstName, lastName or company: a lead needs one of them"));
        }
    }

    static void checkMessage(InboundMessageMapping message, List<FieldError> errors) {
        if (message == null) {
            errors.add(new FieldError("message", "is required for the action correlate_message"));
            return;
        }
        if (message.messageName() == null
                || !MESSAGE_NAME.matcher(message.messageName()).matches()) {
            errors.add(new FieldError("message.messageName", "must be a message name such as PaymentReceived"));
        }
        boolean keys =
                message.correlationKeys() != null && !message.correlationKeys().isEmpty();
        if (message.businessKey() == null && !keys) {
            errors.add(new FieldError(
                    "message.businessKey", "give a businessKey pointer or correlationKeys to find the instance"));
        }
        if (message.businessKey() != null) {
            checkPointer("message.businessKey", message.businessKey(), errors);
        }
        if (message.businessKeyPrefix() != null && message.businessKeyPrefix().length() > 100) {
            errors.add(new FieldError("message.businessKeyPrefix", "must be at most 100 characters"));
        }
        checkVariables("message.correlationKeys", message.correlationKeys(), errors);
        checkVariables("message.variables", message.variables(), errors);
        if (message.bufferFor() != null) {
            try {
                Duration d = Duration.parse(message.bufferFor());
                if (d.isNegative() || d.isZero() || d.compareTo(MAX_BUFFER) > 0) {
                    errors.add(new FieldError("message.bufferFor", "must be a duration from PT1S to PT1H"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("message.bufferFor", "must be an ISO 8601 duration such as PT10M"));
            }
        }
    }

    private static void checkVariables(String field, Map<String, String> pointers, List<FieldError> errors) {
        if (pointers == null) {
            return;
        }
        if (pointers.size() > MAX_ENTRIES) {
            errors.add(new FieldError(field, "must have at most " + MAX_ENTRIES + " entries"));
            return;
        }
        pointers.forEach((name, pointer) -> {
            if (!VARIABLE.matcher(name).matches()) {
                errors.add(new FieldError(field + "." + name, "is not a valid variable name"));
            } else {
                checkPointer(field + "." + name, pointer, errors);
            }
        });
    }

    private static void checkPointer(String field, String pointer, List<FieldError> errors) {
        if (pointer == null || !pointer.startsWith("/") || pointer.length() > MAX_POINTER) {
            errors.add(new FieldError(field, "must be a JSON pointer such as /email (form fields: /From)"));
            return;
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not a valid JSON pointer"));
        }
    }

    /** The body of {@code POST /api/v1/leads} the mapping makes of {@code payload}. */
    static ObjectNode leadBody(InboundLeadMapping lead, JsonNode payload, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("source", lead.source());
        lead.fields().forEach((field, pointer) -> {
            String value = scalar(payload, pointer, "lead field " + field);
            if (value != null) {
                body.put(field, value);
            }
        });
        return body;
    }

    /** The body of {@code POST /api/v1/messages} the mapping makes of {@code payload}. */
    static ObjectNode messageBody(InboundMessageMapping message, JsonNode payload, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("messageName", message.messageName());
        if (message.businessKey() != null) {
            String key = scalar(payload, message.businessKey(), "businessKey");
            if (key == null) {
                throw new Unmappable("the payload has no business key at " + message.businessKey());
            }
            body.put("businessKey", (message.businessKeyPrefix() == null ? "" : message.businessKeyPrefix()) + key);
        }
        body.set("correlationKeys", values(message.correlationKeys(), payload, json, true));
        body.set("variables", values(message.variables(), payload, json, false));
        if (message.bufferFor() != null) {
            body.put("bufferFor", message.bufferFor());
        }
        return body;
    }

    private static ObjectNode values(
            Map<String, String> pointers, JsonNode payload, ObjectMapper json, boolean required) {
        ObjectNode values = json.createObjectNode();
        if (pointers == null) {
            return values;
        }
        pointers.forEach((name, pointer) -> {
            JsonNode v = payload.at(pointer);
            if (v.isMissingNode() || v.isNull()) {
                if (required) {
                    throw new Unmappable("the payload has no value for the correlation key " + name + " at " + pointer);
                }
                return;
            }
            if (!v.isValueNode()) {
                throw new Unmappable(pointer + " points at an object or a list, not a plain value (" + name + ")");
            }
            values.set(name, v);
        });
        return values;
    }

    private static String scalar(JsonNode payload, String pointer, String what) {
        JsonNode v = payload.at(pointer);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new Unmappable(pointer + " points at an object or a list, not a plain value (" + what + ")");
        }
        return v.asText();
    }
}
