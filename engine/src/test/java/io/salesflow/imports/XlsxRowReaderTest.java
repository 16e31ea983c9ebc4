package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.platform.problem.Problem;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class XlsxRowReaderTest {

    @Test
    void aWorkbookThatExpandsPastTheLimitIsRefusedBeforeItIsParsed() throws IOException {
        byte[] workbook = ImportApiTest.xlsx(List.of("Last Name"), List.of("x".repeat(50_000)));
        assertThatThrownBy(() -> new XlsxRowReader(workbook, 10_000))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.fieldErrors().get(0).field()).isEqualTo("file"));
        try (XlsxRowReader reader = new XlsxRowReader(workbook, 1_000_000)) {
            assertThat(reader.header()).containsExactly("Last Name");
            assertThat(reader.next().cells()).containsExactly("x".repeat(50_000));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void numbersAndFlagsReadAsPeopleWroteThem() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = wb.newWorksheet("s");
        sheet.value(0, 0, "Phone");
        sheet.value(0, 1, "Opt-in");
        sheet.value(0, 2, "Size");
        sheet.value(1, 0, 4930901820L);
        sheet.value(1, 1, true);
        sheet.value(1, 2, 12.50);
        wb.finish();
        try (XlsxRowReader reader = new XlsxRowReader(out.toByteArray(), 1_000_000)) {
            SourceRow row = reader.next();
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.cells()).containsExactly("4930901820", "true", "12.5");
        }
    }
}
