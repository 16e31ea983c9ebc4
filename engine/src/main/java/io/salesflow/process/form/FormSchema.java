package io.salesflow.process.form;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Camunda Form (form-js JSON, shipped beside the BPMN) as the server reads it to check what is submitted with it
 * (completing a task, starting a process from outside): only the form's fields, each of its type, required ones
 * present, options from the form's list, lengths, patterns and ranges as the form says. Without a form nothing may
 * be submitted.
 */
public final class FormSchema {

    public record Field(
            String key,
            String type,
            String label,
            boolean required,
            Integer minLength,
            Integer maxLength,
            Pattern pattern,
            BigDecimal min,
            BigDecimal max,
            Set<String> options) {}

    private static final Set<String> TEXT = Set.of("textfield", "textarea", "datetime");
    private static final Set<String> CHOICE = Set.of("select", "radio");
    private static final Set<String> MULTI = Set.of("checklist", "taglist");
    private static final int MAX_TEXT = 10_000;

    private final JsonNode json;
    private final Map<String, Field> fields;

    private FormSchema(JsonNode json, Map<String, Field> fields) {
        this.json = json;
        this.fields = fields;
    }

    public static FormSchema none() {
        return new FormSchema(null, Map.of());
    }

    public static FormSchema of(JsonNode form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        return new FormSchema(form, fields);
    }

    /** The form as the client renders it; null without one. */
    public JsonNode json() {
        return json;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), fields); // groups and dynamic lists nest their fields
            }
            String key = c.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue; // text, spacer, button: nothing submitted
            }
            JsonNode v = c.path("validate");
            Set<String> options = new LinkedHashSet<>();
            c.path("values").forEach(o -> options.add(o.path("value").asText()));
            fields.put(
                    key,
                    new Field(
                            key,
                            c.path("type").asText("textfield"),
                            c.path("label").asText(key),
                            v.path("required").asBoolean(false),
                            v.has("minLength") ? v.get("minLength").asInt() : null,
                            v.has("maxLength") ? v.get("maxLength").asInt() : null,
                            pattern(v.path("pattern").asText(null)),
                            v.has("min") ? v.get("min").decimalValue() : null,
                            v.has("max") ? v.get("max").decimalValue() : null,
                            options));
        }
    }

    private static Pattern pattern(String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null; // a form the modeler saved with a broken pattern checks nothing there
        }
    }

    /**
     * The submitted values as plain process variables, or a 400 naming every field that is wrong; a value for a key
     * the form does not have is wrong too.
     */
    public Map<String, Object> check(JsonNode submitted) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (submitted != null && !submitted.isNull() && !submitted.isObject()) {
            throw Problem.invalid("variables", "must be an object of the form's fields");
        }
        if (submitted != null) {
            for (Iterator<String> keys = submitted.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!fields.containsKey(key)) {
                    errors.add(new FieldError("variables." + key, "is not a field of this task's form"));
                }
            }
        }
        for (Field field : fields.values()) {
            JsonNode value = submitted == null ? null : submitted.get(field.key());
            String error = check(field, value, values);
            if (error != null) {
                errors.add(new FieldError("variables." + field.key(), error));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.size() == 1
                            ? errors.get(0).field() + ": " + errors.get(0).message()
                            : errors.size() + " fields of the form are not filled in as it asks",
                    errors);
        }
        return values;
    }

    private static String check(Field field, JsonNode value, Map<String, Object> values) {
        boolean empty = value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty());
        if (empty) {
            return field.required() ? field.label() + " is required" : null;
        }
        if (field.type().equals("number")) {
            if (!value.isNumber()) {
                return "must be a number";
            }
            BigDecimal n = value.decimalValue();
            if (field.min() != null && n.compareTo(field.min()) < 0) {
                return "must be at least " + field.min().toPlainString();
            }
            if (field.max() != null && n.compareTo(field.max()) > 0) {
                return "must be at most " + field.max().toPlainString();
            }
            values.put(field.key(), value.isIntegralNumber() ? (Object) value.longValue() : value.doubleValue());
            return null;
        }
        if (field.type().equals("checkbox")) {
            if (!value.isBoolean()) {
                return "must be true or false";
            }
            values.put(field.key(), value.booleanValue());
            return null;
        }
        if (MULTI.contains(field.type())) {
            if (!value.isArray()) {
                return "must be a list";
            }
            List<String> chosen = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()
                        || (!field.options().isEmpty() && !field.options().contains(item.asText()))) {
                    return "must list only " + String.join(", ", field.options());
                }
                chosen.add(item.asText());
            }
            values.put(field.key(), String.join(",", chosen));
            return null;
        }
        if (!value.isTextual()) {
            return "must be text";
        }
        String text = value.asText().strip();
        if (CHOICE.contains(field.type()) && !field.options().contains(text)) {
            return "must be one of " + String.join(", ", field.options());
        }
        int max = field.maxLength() == null ? MAX_TEXT : Math.min(field.maxLength(), MAX_TEXT);
        if (text.length() > max) {
            return "must be at most " + max + " characters";
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            return "must be at least " + field.minLength() + " characters";
        }
        if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
            return "is not in the expected format";
        }
        if (!TEXT.contains(field.type()) && !CHOICE.contains(field.type())) {
            return "is a " + field.type() + " field, which tasks do not take";
        }
        values.put(field.key(), text);
        return null;
    }
}
