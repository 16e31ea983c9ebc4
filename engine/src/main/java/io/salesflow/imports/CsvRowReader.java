package io.salesflow.imports;

import io.salesflow.platform.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV as spreadsheets write it: RFC 4180 quoting, comma, semicolon or tab as found in the header line,
 * UTF-8 (with or without a byte order mark) or else Windows-1252.
 */
final class CsvRowReader implements RowReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    CsvRowReader(byte[] content) throws IOException {
        int start = hasUtf8Bom(content) ? 3 : 0;
        Charset charset = isUtf8(content, start) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(content, start))
                .setIgnoreEmptyLines(true)
                .get();
        this.parser = CSVParser.parse(
                new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), charset),
                format);
        this.records = parser.iterator();
        this.header = hasNext() ? cells(nextRecord()) : List.of();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        while (hasNext()) {
            CSVRecord record = nextRecord();
            SourceRow row = new SourceRow((int) record.getRecordNumber(), cells(record));
            if (!row.isBlank()) {
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    private CSVRecord nextRecord() {
        try {
            return records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    private static Problem malformed(RuntimeException e) {
        String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return Problem.invalid("file", "is not readable as CSV: " + reason);
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        return cells;
    }

    private static boolean hasUtf8Bom(byte[] c) {
        return c.length >= 3 && (c[0] & 0xFF) == 0xEF && (c[1] & 0xFF) == 0xBB && (c[2] & 0xFF) == 0xBF;
    }

    /** Whether the bytes decode as UTF-8, checked through a small buffer rather than a copy of the file. */
    private static boolean isUtf8(byte[] content, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }

    /** The separator the header line uses most: comma, semicolon (European spreadsheets) or tab. */
    private static char delimiter(byte[] content, int start) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted && b == ',') {
                commas++;
            } else if (!quoted && b == ';') {
                semicolons++;
            } else if (!quoted && b == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
