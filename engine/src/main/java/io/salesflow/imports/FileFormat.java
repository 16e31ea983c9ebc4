package io.salesflow.imports;

import io.salesflow.platform.problem.Problem;
import java.util.List;
import java.util.Locale;

/** The file types an import reads, told apart by name and by their first bytes. */
enum FileFormat {
    CSV,
    XLSX;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileFormat of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The format of an upload; anything but CSV (or plain text) and XLSX is a 415 naming {@code file}. */
    static FileFormat detect(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (startsWith(content, OLE2) || name.endsWith(".xls")) {
            throw unsupported("Excel 97-2003 workbooks (.xls) are not read; save the sheet as .xlsx or CSV");
        }
        boolean zip = startsWith(content, ZIP);
        if (name.endsWith(".xlsx") || (zip && !name.endsWith(".csv") && !name.endsWith(".txt"))) {
            if (!zip) {
                throw unsupported("the file is named .xlsx but is not an Excel workbook");
            }
            return XLSX;
        }
        boolean textName = name.isEmpty() || name.endsWith(".csv") || name.endsWith(".txt") || !name.contains(".");
        if (!textName || zip || isBinary(content)) {
            throw unsupported("only CSV and XLSX files can be imported");
        }
        return CSV;
    }

    private static boolean isBinary(byte[] content) {
        int end = Math.min(content.length, 8192);
        for (int i = 0; i < end; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Problem unsupported(String message) {
        return new Problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "file: " + message,
                List.of(new Problem.FieldError("file", message)));
    }
}
