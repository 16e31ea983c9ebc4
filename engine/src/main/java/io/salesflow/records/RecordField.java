package io.salesflow.records;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A field of a record type as the API names it, the SQL expression behind it, and what may be done with it.
 * Column expressions come from code, never from a request.
 *
 * @param jsonKey for a value kept inside a JSON object column: its key there (bound as a parameter, never
 *     written into SQL); null for a plain column
 */
public record RecordField(
        String name, String column, FieldType type, Set<Operator> operators, boolean sortable, String jsonKey) {

    private static final Pattern KEY = Pattern.compile("^[a-z][A-Za-z0-9_]{0,39}$");

    public RecordField {
        if (jsonKey != null && !KEY.matcher(jsonKey).matches()) {
            throw new IllegalArgumentException("Not a key: " + jsonKey);
        }
    }

    public RecordField(String name, String column, FieldType type, Set<Operator> operators, boolean sortable) {
        this(name, column, type, operators, sortable, null);
    }

    /** A value under {@code key} in the JSON object column {@code column}, filtered and sorted as {@code type}. */
    public static RecordField inJson(
            String name, String column, String key, FieldType type, Set<Operator> operators, boolean sortable) {
        return new RecordField(name, column, type, operators, sortable, key);
    }

    public static RecordField text(String name, String column) {
        return new RecordField(name, column, FieldType.TEXT, Operator.FOR_TEXT, true);
    }

    public static RecordField uuid(String name, String column) {
        return new RecordField(name, column, FieldType.UUID, Operator.FOR_IDS, false);
    }

    public static RecordField timestamp(String name, String column) {
        return new RecordField(name, column, FieldType.TIMESTAMP, Operator.FOR_ORDERED, true);
    }

    public static RecordField number(String name, String column) {
        return new RecordField(name, column, FieldType.NUMBER, Operator.FOR_ORDERED, true);
    }

    public static RecordField date(String name, String column) {
        return new RecordField(name, column, FieldType.DATE, Operator.FOR_ORDERED, true);
    }

    public static RecordField bool(String name, String column) {
        return new RecordField(
                name, column, FieldType.BOOLEAN, Set.of(Operator.EQ, Operator.NE, Operator.IS_NULL), false);
    }

    /** A text array: {@code has} one value, or {@code in} meaning has any of the values. */
    public static RecordField tags(String name, String column) {
        return new RecordField(name, column, FieldType.TEXT_ARRAY, Set.of(Operator.HAS, Operator.IN), false);
    }

    /** A list of ids; {@code field[has]=<id>} finds the records whose list holds it. */
    public static RecordField uuids(String name, String column) {
        return new RecordField(name, column, FieldType.UUID_ARRAY, Set.of(Operator.HAS), false);
    }

    public static RecordField json(String name, String column) {
        return new RecordField(name, column, FieldType.JSON, Set.of(), false);
    }

    public static RecordField readOnly(String name, String column, FieldType type) {
        return new RecordField(name, column, type, Set.of(), false);
    }
}
