package io.salesflow.imports;

import java.util.List;

/**
 * One data row of an uploaded file: its number as a spreadsheet shows it (the header is row 1) and its cells
 * in the order of the header's columns.
 */
record SourceRow(int number, List<String> cells) {

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
