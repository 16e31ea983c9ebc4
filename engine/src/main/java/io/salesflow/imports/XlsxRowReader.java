package io.salesflow.imports;

import io.salesflow.platform.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an XLSX workbook as a stream of rows (StAX, no DTDs or external entities). Before
 * that, every part of the file is inflated once and counted, so a zip bomb is refused instead of expanded.
 */
final class XlsxRowReader implements RowReader {

    private static final int MAX_ENTRIES = 10_000;

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final List<String> header;

    XlsxRowReader(byte[] content, long maxUncompressed) throws IOException {
        checkExpansion(content, maxUncompressed);
        try {
            this.workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
            this.rows = workbook.getFirstSheet().openStream();
        } catch (ExcelReaderException | IOException | IndexOutOfBoundsException e) {
            throw unreadable();
        }
        this.iterator = rows.iterator();
        Row first = advance();
        List<String> names = new ArrayList<>();
        if (first != null) {
            for (int i = 0; i < first.getCellCount(); i++) {
                names.add(text(first, i));
            }
        }
        this.header = List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        Row row;
        while ((row = advance()) != null) {
            List<String> cells = new ArrayList<>(header.size());
            for (int i = 0; i < header.size(); i++) {
                cells.add(text(row, i));
            }
            SourceRow source = new SourceRow(row.getRowNum(), cells);
            if (!source.isBlank()) {
                return source;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }

    private Row advance() {
        try {
            return iterator.hasNext() ? iterator.next() : null;
        } catch (ExcelReaderException | IllegalStateException e) {
            throw unreadable();
        }
    }

    /** The cell as text: numbers in plain notation (no exponent, no trailing zeros), flags as true/false. */
    private static String text(Row row, int column) {
        if (!row.hasCell(column)) {
            return "";
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case STRING -> cell.asString();
            case EMPTY -> "";
            default -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private static void checkExpansion(byte[] content, long maxUncompressed) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    throw Problem.invalid(
                            "file", "has more than " + MAX_ENTRIES + " parts; it is not a plain workbook");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    total += drain(in, buffer, maxUncompressed - total);
                }
            }
        } catch (IOException e) {
            throw unreadable();
        }
        if (entries == 0) {
            throw unreadable();
        }
    }

    private static long drain(InputStream in, byte[] buffer, long allowed) throws IOException {
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > allowed) {
                throw Problem.invalid("file", "expands to more data than an import may hold; split the workbook");
            }
        }
        return read;
    }

    private static Problem unreadable() {
        return Problem.invalid("file", "is not a readable XLSX workbook");
    }
}
