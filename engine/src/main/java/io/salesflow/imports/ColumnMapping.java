package io.salesflow.imports;

import io.salesflow.platform.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a file fills which API field. Without a mapping from the caller, columns named like a field
 * (or a common synonym: "E-mail", "First Name") are taken and the rest left out; a mapping that names a column
 * the file lacks, or a field the type does not import, is a 400 naming {@code mapping.<column>}.
 */
record ColumnMapping(List<Column> columns) {

    /** Column {@code index} of the file, named {@code name}, fills {@code field}. */
    record Column(int index, String name, String field) {}

    static ColumnMapping resolve(ImportableType type, List<String> header, Map<String, String> requested) {
        ColumnMapping mapping = requested == null ? automatic(type, header) : explicit(type, header, requested);
        if (mapping.columns.isEmpty()) {
            throw Problem.invalid(
                    "mapping",
                    requested == null
                            ? "no column is named like a field of " + type.collection + "; send a mapping"
                            : "maps no column to a field");
        }
        if (mapping.columnOf("ownerId").isPresent()
                && mapping.columnOf("ownerEmail").isPresent()) {
            throw Problem.invalid(
                    "mapping." + mapping.columnOf("ownerEmail").orElseThrow(),
                    "ownerId and ownerEmail both name the owner; map one of them");
        }
        return mapping;
    }

    /** The mapping as stored and shown: column name to field. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.name, c.field));
        return map;
    }

    Optional<String> columnOf(String field) {
        return columns.stream()
                .filter(c -> c.field.equals(field))
                .map(Column::name)
                .findFirst();
    }

    /** Rebuilds a stored mapping against the file's header (the columns were checked when it was made). */
    static ColumnMapping stored(List<String> header, Map<String, String> map) {
        List<Column> columns = new ArrayList<>();
        map.forEach((name, field) -> columns.add(new Column(header.indexOf(name), name, field)));
        return new ColumnMapping(List.copyOf(columns));
    }

    private static ColumnMapping automatic(ImportableType type, List<String> header) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            int index = i;
            type.fieldFor(name)
                    .filter(field -> taken.putIfAbsent(field, name) == null)
                    .filter(field -> header.indexOf(name) == index)
                    .ifPresent(field -> columns.add(new Column(index, name, field)));
        }
        return new ColumnMapping(List.copyOf(columns));
    }

    private static ColumnMapping explicit(ImportableType type, List<String> header, Map<String, String> requested) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        requested.forEach((name, field) -> {
            String param = "mapping." + name;
            int index = header.indexOf(name);
            if (index < 0) {
                throw Problem.invalid(param, "is not a column of the file; its columns are " + header);
            }
            if (header.lastIndexOf(name) != index) {
                throw Problem.invalid(param, "names more than one column of the file; rename them apart");
            }
            if (field == null || field.isBlank()) {
                return;
            }
            if (!type.fields.containsKey(field)) {
                throw Problem.invalid(
                        param,
                        "'" + field + "' is not a field " + type.collection + " are imported into; possible: "
                                + type.fields.keySet());
            }
            String earlier = taken.putIfAbsent(field, name);
            if (earlier != null) {
                throw Problem.invalid(param, "'" + field + "' is already filled from column '" + earlier + "'");
            }
            columns.add(new Column(index, name, field));
        });
        return new ColumnMapping(List.copyOf(columns));
    }
}
