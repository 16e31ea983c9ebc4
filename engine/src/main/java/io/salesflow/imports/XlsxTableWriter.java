package io.salesflow.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An export as an XLSX workbook of one sheet, streamed: rows leave for the client page by page and text is
 * written inline, so no string table grows in memory. Cells are values, never formulas.
 */
final class XlsxTableWriter implements TableWriter {

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.workbook = new Workbook(out, "Salesflow", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public void header(List<String> columns) {
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(row, c, columns.get(c));
        }
        if (!columns.isEmpty()) {
            sheet.range(row, 0, row, columns.size() - 1).style().bold().set();
        }
        row++;
    }

    @Override
    public void row(List<Object> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof BigDecimal d) {
                sheet.value(row, c, d);
            } else if (value instanceof Number n) {
                sheet.value(row, c, n);
            } else if (value instanceof Boolean b) {
                sheet.value(row, c, b);
            } else if (value != null) {
                sheet.inlineString(row, c, ExportValues.text(value));
            }
        }
        row++;
    }

    @Override
    public void flush() throws IOException {
        sheet.flush();
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
