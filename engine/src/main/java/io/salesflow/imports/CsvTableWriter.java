package io.salesflow.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An export as RFC 4180 CSV in UTF-8 with a header row; text cells are kept from running as formulas. */
final class CsvTableWriter implements TableWriter {

    private final CSVPrinter csv;

    CsvTableWriter(OutputStream out) throws IOException {
        this.csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
    }

    @Override
    public void header(List<String> columns) throws IOException {
        csv.printRecord(columns.stream().map(CsvCells::safe).toList());
    }

    @Override
    public void row(List<Object> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value instanceof Number number) {
                cells.add(number instanceof BigDecimal d ? d.toPlainString() : number.toString());
            } else {
                cells.add(CsvCells.safe(ExportValues.text(value)));
            }
        }
        csv.printRecord(cells);
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }
}
