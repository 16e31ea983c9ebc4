package io.salesflow.imports;

import java.util.List;

/** Why a row was not imported: the field at fault (null when it is the row as a whole) and the row's cells. */
record RowError(long id, int row, String field, String message, List<String> raw) {

    static RowError of(SourceRow row, String field, String message) {
        return new RowError(0, row.number(), field, message, row.cells());
    }
}
