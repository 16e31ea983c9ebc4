package io.salesflow.imports;

/**
 * Cells written to CSV files people open in spreadsheets: text starting with {@code = + - @} (or a tab or carriage
 * return) gets a leading quote so no spreadsheet runs it as a formula. Imports take the quote off again.
 */
final class CsvCells {

    private CsvCells() {}

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
