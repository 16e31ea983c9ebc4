package io.salesflow.imports;

import io.salesflow.platform.problem.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Reads an uploaded table row by row from its start, without holding the rows in memory. */
interface RowReader extends Closeable {

    /** The column names of the first row. */
    List<String> header();

    /** The next data row that is not blank, or null after the last. */
    SourceRow next() throws IOException;

    static RowReader open(FileFormat format, byte[] content, ImportProperties properties) throws IOException {
        RowReader reader =
                switch (format) {
                    case CSV -> new CsvRowReader(content);
                    case XLSX ->
                        new XlsxRowReader(
                                content, properties.maxUncompressedSize().toBytes());
                };
        if (reader.header().stream().allMatch(String::isBlank)) {
            reader.close();
            throw Problem.invalid("file", "has no header row naming its columns");
        }
        return reader;
    }
}
