package io.salesflow.records;

import io.salesflow.platform.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the list query language from request parameters:
 * {@code ?name[contains]=acme&size=11-50&tags[has]=vip&sort=-updatedAt,name&limit=50&cursor=…&fields=id,name&embed=owner}.
 * Every unknown field, operator or value is a 400 naming the parameter.
 */
public final class ListQueryParser {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Set<String> RESERVED = Set.of("limit", "cursor", "sort", "fields", "embed", "q");
    private static final Pattern FILTER = Pattern.compile("([A-Za-z][A-Za-z0-9_.]*)(?:\\[([A-Za-z]+)])?");

    private ListQueryParser() {}

    public static ListQuery parse(RecordType type, Map<String, List<String>> params) {
        return parse(type, Map.of(), params);
    }

    /**
     * Parses with the workspace's custom fields of the type as well ({@code customFields.<key>}, see
     * {@link CustomFields#fields}): they filter and sort like the type's own fields.
     */
    public static ListQuery parse(
            RecordType type, Map<String, RecordField> customFields, Map<String, List<String>> params) {
        Map<String, RecordField> fields = new HashMap<>(customFields);
        fields.putAll(type.fields());
        List<ListQuery.Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String key = param.getKey();
            if (RESERVED.contains(key)) {
                continue;
            }
            Matcher m = FILTER.matcher(key);
            if (!m.matches()) {
                throw Problem.invalid(key, "is not a filter: use field or field[operator]");
            }
            RecordField field = fields.get(m.group(1));
            if (field == null) {
                throw Problem.invalid(key, "'" + m.group(1) + "' is not a field of " + type.name());
            }
            Operator operator = m.group(2) == null
                    ? Operator.EQ
                    : Operator.of(m.group(2))
                            .orElseThrow(() -> Problem.invalid(key, "unknown operator '" + m.group(2) + "'"));
            if (!field.operators().contains(operator)) {
                throw Problem.invalid(key, "'" + field.name() + "' cannot be filtered with " + operator.token());
            }
            for (String value : param.getValue()) {
                List<String> values = operator == Operator.IN ? Arrays.asList(value.split(",")) : List.of(value);
                values.forEach(v -> SqlValues.convert(field, operator, v, key));
                filters.add(new ListQuery.Filter(field, operator, values));
            }
        }
        return new ListQuery(
                filters,
                sort(type, fields, first(params, "sort")),
                first(params, "cursor"),
                limit(first(params, "limit")),
                names(type, first(params, "fields"), "fields"),
                embeds(type, first(params, "embed")));
    }

    private static List<ListQuery.Sort> sort(RecordType type, Map<String, RecordField> fields, String value) {
        if (value == null || value.isBlank()) {
            return List.of(new ListQuery.Sort(type.fields().get("createdAt"), true));
        }
        List<ListQuery.Sort> sort = new ArrayList<>();
        for (String part : value.split(",")) {
            boolean descending = part.startsWith("-");
            String name = descending ? part.substring(1) : part;
            RecordField field = fields.get(name);
            if (field == null || !field.sortable()) {
                throw Problem.invalid("sort", "cannot sort by '" + name + "'");
            }
            sort.add(new ListQuery.Sort(field, descending));
        }
        return sort;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static List<String> names(RecordType type, String value, String param) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (!type.fields().containsKey(name)) {
                throw Problem.invalid(param, "'" + name + "' is not a field of " + type.name());
            }
        }
        return names;
    }

    /** The related records {@code ?embed=owner,team} names; one the type cannot embed is a 400 naming {@code embed}. */
    public static List<String> embeds(RecordType type, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (!type.embeds().containsKey(name)) {
                throw Problem.invalid(
                        "embed",
                        "cannot embed '" + name + "'; possible: "
                                + type.embeds().keySet());
            }
        }
        return names;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
