package io.salesflow.customfield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a JSON body to a custom field definition (merge-patch meaning, see {@link RecordInput}); every rule
 * names its field and unknown fields are refused. What identifies a field's values (record type, key, type,
 * lookup target) is given once, at creation.
 */
final class DefinitionInput {

    /** An API name: a letter, then letters, digits or underscores; what the list language writes after {@code customFields.}. */
    static final Pattern KEY = Pattern.compile("^[a-z][A-Za-z0-9_]{0,39}$");

    private static final List<String> REQUIRED = List.of("recordType", "key", "label", "type");
    private static final int MAX_OPTIONS = 200;

    private DefinitionInput() {}

    /** Applies the body; returns whether it set the position. */
    static boolean apply(ObjectNode body, CustomFieldDefinition definition, boolean creating) {
        if (creating) {
            REQUIRED.stream().filter(f -> !body.hasNonNull(f)).findFirst().ifPresent(f -> {
                throw Problem.invalid(f, "is required");
            });
        }
        boolean positioned = false;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            switch (field) {
                case "recordType" -> {
                    String recordType = oneOf(field, v, CustomFieldDefinition.RECORD_TYPES);
                    fixed(field, creating, definition.recordType(), recordType);
                    definition.setRecordType(recordType);
                }
                case "key" -> {
                    String key = key(field, v);
                    fixed(field, creating, definition.key(), key);
                    definition.setKey(key);
                }
                case "type" -> {
                    CustomFieldType type = CustomFieldType.of(oneOf(field, v, CustomFieldType.CODES))
                            .orElseThrow();
                    fixed(field, creating, creating ? null : definition.type(), type);
                    definition.setType(type);
                }
                case "lookupTarget" -> {
                    String target = v.isNull() ? null : oneOf(field, v, CustomFieldDefinition.LOOKUP_TARGETS);
                    fixed(field, creating, definition.lookupTarget(), target);
                    definition.setLookupTarget(target);
                }
                case "label" -> definition.setLabel(RecordInput.requiredText(field, v, 100));
                case "options" -> definition.setOptions(options(field, v));
                case "required" -> definition.setRequired(flag(field, v));
                case "helpText" -> definition.setHelpText(RecordInput.text(field, v, 500));
                case "position" -> {
                    definition.setPosition(position(field, v));
                    positioned = true;
                }
                case "archived" -> {
                    if (creating) {
                        throw Problem.invalid(field, "a new field is not archived");
                    }
                    definition.setArchived(flag(field, v));
                }
                default -> throw RecordInput.unknown(field);
            }
        }
        definition.checkComplete();
        return positioned;
    }

    /** A value that identifies stored data may be given at creation, or repeated unchanged later. */
    private static void fixed(String field, boolean creating, Object current, Object asked) {
        if (!creating && !Objects.equals(current, asked)) {
            throw Problem.invalid(field, "cannot change once the field exists; archive it and add another");
        }
    }

    private static String key(String field, JsonNode v) {
        String key = RecordInput.requiredText(field, v, 40);
        if (!KEY.matcher(key).matches()) {
            throw Problem.invalid(
                    field,
                    "must start with a lower-case letter followed by up to 39 letters, digits or underscores,"
                            + " like annualBudget");
        }
        return key;
    }

    private static String oneOf(String field, JsonNode v, List<String> allowed) {
        String s = RecordInput.text(field, v, 20);
        if (s == null || !allowed.contains(s)) {
            throw Problem.invalid(field, "must be one of " + allowed);
        }
        return s;
    }

    /** Options in order, each unique whatever its case: a value matches an option regardless of case. */
    private static List<String> options(String field, JsonNode v) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.invalid(field, "must be a list of options");
        }
        if (v.size() > MAX_OPTIONS) {
            throw Problem.invalid(field, "must have at most " + MAX_OPTIONS + " options");
        }
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            String option = RecordInput.requiredText(field + "[" + i + "]", v.get(i), 100);
            if (!seen.add(option.toLowerCase(Locale.ROOT))) {
                throw Problem.invalid(field + "[" + i + "]", "'" + option + "' is listed twice");
            }
            options.add(option);
        }
        return options;
    }

    private static boolean flag(String field, JsonNode v) {
        if (!v.isBoolean()) {
            throw Problem.invalid(field, "must be true or false");
        }
        return v.booleanValue();
    }

    private static int position(String field, JsonNode v) {
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 10_000) {
            throw Problem.invalid(field, "must be a whole number from 0 to 10000");
        }
        return v.asInt();
    }
}
