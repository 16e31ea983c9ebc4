package io.salesflow.customfield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Users;
import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.platform.input.Decimals;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.CustomFields;
import io.salesflow.records.CustomizableRecord;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom field values as the record machinery needs them: each value checked against the workspace's
 * definition of its key and stored in a canonical form (numbers as JSON numbers, dates as {@code yyyy-MM-dd},
 * picklist values spelled as the option, lookups as ids), and the definitions as list-language fields.
 */
@Component
class CustomFieldValues implements CustomFields {

    private static final int MAX_TEXT = 1000;
    private static final int MAX_DIGITS = 30;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final CustomFieldDefinitionRepository definitions;
    private final RecordTypes recordTypes;
    private final RecordQueries records;
    private final Users users;

    CustomFieldValues(
            CustomFieldDefinitionRepository definitions, RecordTypes recordTypes, RecordQueries records, Users users) {
        this.definitions = definitions;
        this.recordTypes = recordTypes;
        this.records = records;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, RecordField> fields(RecordType type) {
        Map<String, RecordField> fields = new LinkedHashMap<>();
        if (!CustomFieldDefinition.RECORD_TYPES.contains(type.name())) {
            return fields;
        }
        for (CustomFieldDefinition d : ofType(type.name())) {
            CustomFieldType t = d.type();
            String name = PREFIX + d.key();
            fields.put(name, RecordField.inJson(name, "custom_fields", d.key(), t.fieldType, t.operators, t.sortable));
        }
        return fields;
    }

    @Override
    public void apply(RecordType type, CustomizableRecord record, JsonNode values) {
        if (!values.isObject()) {
            throw Problem.invalid(
                    "customFields", "must be an object of values by field key; a key with null clears its value");
        }
        Map<String, CustomFieldDefinition> byKey = byKey(type);
        SortedMap<String, JsonNode> stored = record.getCustomFields();
        Iterator<Map.Entry<String, JsonNode>> entries = values.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String field = PREFIX + entry.getKey();
            CustomFieldDefinition definition = byKey.get(entry.getKey());
            if (definition == null) {
                throw Problem.invalid(field, "is not a custom field of " + type.name() + " records");
            }
            if (entry.getValue().equals(stored.get(definition.key()))) {
                // Sent back as read: kept even where it would no longer be taken anew (archived, lookup gone).
                continue;
            }
            JsonNode value = value(field, definition, entry.getValue());
            if (value == null) {
                if (definition.isRequired() && !definition.isArchived()) {
                    throw Problem.invalid(field, "is required");
                }
                stored.remove(definition.key());
            } else {
                if (definition.isArchived()) {
                    throw Problem.invalid(field, "is archived and takes no new values; null clears it");
                }
                stored.put(definition.key(), value);
            }
        }
        record.setCustomFields(stored);
    }

    @Override
    public void checkRequired(RecordType type, CustomizableRecord record) {
        Map<String, JsonNode> stored = record.getCustomFields();
        for (CustomFieldDefinition d : ofType(type.name())) {
            if (d.isRequired() && !d.isArchived() && !stored.containsKey(d.key())) {
                throw Problem.invalid(PREFIX + d.key(), "is required");
            }
        }
    }

    private Map<String, CustomFieldDefinition> byKey(RecordType type) {
        return ofType(type.name()).stream().collect(Collectors.toMap(CustomFieldDefinition::key, Function.identity()));
    }

    /** The definitions of the record type, read once per transaction (an import chunk checks them on every row). */
    private List<CustomFieldDefinition> ofType(String recordType) {
        return TransactionMemo.get(memoKey(recordType), () -> definitions.ofType(recordType));
    }

    /** What {@link #ofType} keeps the definitions of {@code recordType} under, to forget when they change. */
    static Object memoKey(String recordType) {
        return List.of(CustomFieldValues.class, recordType);
    }

    /** The value in its stored form; null for a JSON null or blank text, which clear the field. */
    private JsonNode value(String field, CustomFieldDefinition definition, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (definition.type()) {
            case TEXT -> {
                String text = RecordInput.text(field, v, MAX_TEXT);
                yield text == null ? null : TextNode.valueOf(text);
            }
            case NUMBER -> NODES.numberNode(number(field, v));
            case DATE -> TextNode.valueOf(date(field, v).toString());
            case BOOLEAN -> BooleanNode.valueOf(bool(field, v));
            case PICKLIST -> TextNode.valueOf(option(field, definition.options(), v));
            case LOOKUP ->
                TextNode.valueOf(lookup(field, definition.lookupTarget(), v).toString());
        };
    }

    /** A JSON number, or text holding one (as a spreadsheet sends it); kept exact. */
    private static BigDecimal number(String field, JsonNode v) {
        BigDecimal number = null;
        if (v.isNumber()) {
            number = v.decimalValue();
        } else if (v.isTextual() && v.asText().trim().length() <= MAX_DIGITS + 10) {
            try {
                number = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (number == null) {
            throw Problem.invalid(field, "must be a number, got " + shown(v));
        }
        if (Decimals.writtenDigits(number) > MAX_DIGITS) {
            throw Problem.invalid(field, "must have at most " + MAX_DIGITS + " digits");
        }
        return number;
    }

    private static LocalDate date(String field, JsonNode v) {
        if (v.isTextual()) {
            try {
                return TimeRange.check(field, LocalDate.parse(v.asText().trim()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw Problem.invalid(field, "must be a date like 2025-06-30, got " + shown(v));
    }

    /** JSON true or false; the text "true" or "false" too. */
    private static boolean bool(String field, JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw Problem.invalid(field, "must be true or false, got " + shown(v));
    }

    /** One of the options, in any case; kept as the option is spelled. */
    private static String option(String field, List<String> options, JsonNode v) {
        String asked = v.isTextual() ? v.asText().trim() : null;
        return options.stream()
                .filter(o -> o.equalsIgnoreCase(asked))
                .findFirst()
                .orElseThrow(() -> Problem.invalid(field, "must be one of " + options + ", got " + shown(v)));
    }

    /** A live record of the target type the caller may read, or an active user. */
    private UUID lookup(String field, String target, JsonNode v) {
        UUID id = null;
        if (v.isTextual()) {
            try {
                id = UUID.fromString(v.asText().trim());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        if (id == null) {
            throw Problem.invalid(field, "must be the id of a " + target + ", got " + shown(v));
        }
        boolean found = target.equals("user")
                ? users.isActive(id)
                : records.isLive(recordTypes.get(target), id, Caller.require());
        if (!found) {
            throw Problem.invalid(field, "no " + (target.equals("user") ? "active user" : target) + " " + id);
        }
        return id;
    }

    private static String shown(JsonNode v) {
        String text = v.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
