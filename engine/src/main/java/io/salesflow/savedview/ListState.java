package io.salesflow.savedview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.records.CustomFields;
import io.salesflow.records.FieldType;
import io.salesflow.records.Operator;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The list state a saved view keeps, checked against its record type: {@code filters} ({@code field}, {@code op},
 * {@code value} in the list language's terms), {@code sort} ({@code field}, {@code direction}), {@code columns}
 * (fields or embeds) and {@code pageSize}. Everything wrong is reported at once, as a 422 naming each field.
 */
final class ListState {

    static final int MAX_FILTERS = 20;
    static final int MAX_SORT_KEYS = 5;
    static final int MAX_COLUMNS = 30;
    static final int MAX_VALUE_LENGTH = 1000;
    static final int MIN_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 200;

    /** A filter value that means whoever uses the view, for the id fields (a shared "my open deals"). */
    static final String ME = "me";

    private final RecordType type;
    private final Map<String, RecordField> customFields;
    private final List<FieldError> errors = new ArrayList<>();

    private ListState(RecordType type, Map<String, RecordField> customFields) {
        this.type = type;
        this.customFields = customFields;
    }

    /** The state as it is kept: only the known keys, in their order; throws a 422 listing every refused part. */
    static ObjectNode check(JsonNode state, RecordType type, Map<String, RecordField> customFields) {
        return new ListState(type, customFields).check(state);
    }

    private ObjectNode check(JsonNode state) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (state == null || !state.isObject()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    "state: must be an object with filters, sort, columns and pageSize",
                    List.of(new FieldError("state", "must be an object with filters, sort, columns and pageSize")));
        }
        Iterator<String> names = state.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!Set.of("filters", "sort", "columns", "pageSize").contains(name)) {
                error("state." + name, "is not part of a list's state (filters, sort, columns, pageSize)");
            }
        }
        out.set("filters", filters(state.get("filters")));
        out.set("sort", sort(state.get("sort")));
        out.set("columns", columns(state.get("columns")));
        JsonNode pageSize = state.get("pageSize");
        if (pageSize != null && !pageSize.isNull()) {
            if (!pageSize.isIntegralNumber()
                    || pageSize.asLong() < MIN_PAGE_SIZE
                    || pageSize.asLong() > MAX_PAGE_SIZE) {
                error("state.pageSize", "must be a whole number from " + MIN_PAGE_SIZE + " to " + MAX_PAGE_SIZE);
            } else {
                out.put("pageSize", pageSize.asInt());
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    422,
                    "view-state-invalid",
                    "The view's list state does not fit the " + type.name() + " list",
                    errors.size() + " problem(s) in the state: " + errors.get(0).field() + ": "
                            + errors.get(0).message(),
                    errors);
        }
        return out;
    }

    private ArrayNode filters(JsonNode filters) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (!list("state.filters", filters, MAX_FILTERS, "filters")) {
            return out;
        }
        for (int i = 0; i < filters.size(); i++) {
            String at = "state.filters[" + i + "]";
            JsonNode filter = filters.get(i);
            if (!filter.isObject()) {
                error(at, "must be an object with field, op and value");
                continue;
            }
            RecordField field = field(at + ".field", filter.get("field"));
            String op = text(filter.get("op"));
            Operator operator = op == null
                    ? null
                    : Arrays.stream(Operator.values())
                            .filter(o -> o.token().equals(op))
                            .findFirst()
                            .orElse(null);
            if (field != null && field.operators().isEmpty()) {
                error(at + ".field", "'" + field.name() + "' cannot be filtered by");
                continue;
            }
            if (operator == null || (field != null && !field.operators().contains(operator))) {
                error(
                        at + ".op",
                        field == null
                                ? "must be an operator of the list language, such as eq or contains"
                                : "must be one of "
                                        + field.operators().stream()
                                                .map(Operator::token)
                                                .sorted()
                                                .toList() + " for '" + field.name() + "'");
                continue;
            }
            String value = text(filter.get("value"));
            if (value == null || value.isBlank()) {
                error(at + ".value", "must be the filter's value as text");
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                error(at + ".value", "must be at most " + MAX_VALUE_LENGTH + " characters");
                continue;
            }
            if (field != null && field.type() == FieldType.UUID && operator != Operator.IS_NULL) {
                for (String part : value.split(",")) {
                    if (!part.strip().equals(ME) && !isUuid(part.strip())) {
                        error(at + ".value", "must be ids (or 'me', whoever uses the view)");
                        break;
                    }
                }
            }
            if (field != null) {
                ObjectNode kept = out.addObject();
                kept.put("field", field.name());
                kept.put("op", op);
                kept.put("value", value);
            }
        }
        return out;
    }

    private ArrayNode sort(JsonNode sort) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (!list("state.sort", sort, MAX_SORT_KEYS, "sort keys")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sort.size(); i++) {
            String at = "state.sort[" + i + "]";
            JsonNode key = sort.get(i);
            if (!key.isObject()) {
                error(at, "must be an object with field and direction");
                continue;
            }
            RecordField field = field(at + ".field", key.get("field"));
            if (field != null && !field.sortable()) {
                error(at + ".field", "'" + field.name() + "' cannot be sorted by");
                field = null;
            }
            if (field != null && !seen.add(field.name())) {
                error(at + ".field", "'" + field.name() + "' is sorted by already");
                field = null;
            }
            String direction = text(key.get("direction"));
            if (!"asc".equals(direction) && !"desc".equals(direction)) {
                error(at + ".direction", "must be asc or desc");
                continue;
            }
            if (field != null) {
                out.addObject().put("field", field.name()).put("direction", direction);
            }
        }
        return out;
    }

    private ArrayNode columns(JsonNode columns) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (!list("state.columns", columns, MAX_COLUMNS, "columns")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String at = "state.columns[" + i + "]";
            String name = text(columns.get(i));
            if (name == null
                    || !(type.fields().containsKey(name)
                            || type.embeds().containsKey(name)
                            || customFields.containsKey(name))) {
                error(at, "is not a field of a " + type.name() + " or a record it embeds");
            } else if (!seen.add(name)) {
                error(at, "'" + name + "' is shown already");
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /** Whether {@code node} is a list that can be read (absent counts as empty, and is not). */
    private boolean list(String at, JsonNode node, int max, String what) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isArray()) {
            error(at, "must be a list");
            return false;
        }
        if (node.size() > max) {
            error(at, "must have at most " + max + " " + what);
            return false;
        }
        return true;
    }

    private RecordField field(String at, JsonNode name) {
        String n = text(name);
        RecordField field = n == null
                ? null
                : n.startsWith(CustomFields.PREFIX)
                        ? customFields.get(n)
                        : type.fields().get(n);
        if (field == null) {
            error(at, (n == null ? "a field name" : "'" + n + "'") + " is not a field of a " + type.name());
        }
        return field;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
