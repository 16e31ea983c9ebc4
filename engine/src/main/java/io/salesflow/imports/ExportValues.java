package io.salesflow.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.stream.Collectors;

/** How a record value reads in a cell: lists joined with {@code ; } (as imports split them), objects as JSON. */
final class ExportValues {

    private ExportValues() {}

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ExportValues::text).collect(Collectors.joining("; "));
        }
        if (value instanceof JsonNode json) {
            return json.isValueNode() ? json.asText() : json.toString();
        }
        return value.toString();
    }
}
