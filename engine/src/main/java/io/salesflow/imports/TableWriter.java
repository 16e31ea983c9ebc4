package io.salesflow.imports;

import java.io.IOException;
import java.util.List;

/** Writes an export row by row to the response as it goes: CSV or XLSX. */
interface TableWriter {

    void header(List<String> columns) throws IOException;

    void row(List<Object> values) throws IOException;

    /** Pushes what is written so far to the client; called after every page of records. */
    void flush() throws IOException;

    void finish() throws IOException;
}
