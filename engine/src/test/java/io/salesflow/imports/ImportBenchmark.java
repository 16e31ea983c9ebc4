package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import rate: 100,000 generated leads (change with {@code -Dimport.benchmark.rows=N}) uploaded through the
 * API and imported by the real background job against the embedded PostgreSQL, as CSV and as XLSX. Prints rows
 * per second from the job's own start and finish times. A measurement, not a test: run it with
 * {@code ../mvnw -B -ntp -Pbenchmark test} (docs/operations.md, "Benchmarks").
 */
@Tag("benchmark")
@IntegrationTest
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("import.benchmark.rows", 100_000);
    private static final String[] HEADER = {
        "First Name", "Last Name", "Email", "Company", "Title", "Phone", "Country", "Industry", "Tags"
    };

    @Autowired
    Api api;

    @Test
    void importsLeadsFromCsvAndXlsx() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        report("CSV ", measure("leads.csv", "text/csv", csv(run + "c")));
        report(
                "XLSX",
                measure(
                        "leads.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        xlsx(run + "x")));
    }

    private JsonNode measure(String filename, String contentType, byte[] content) {
        ImportCalls calls = new ImportCalls(api);
        Multipart form = new Multipart().field("recordType", "leads").file("file", filename, contentType, content);
        String id = calls.upload("acme", "admin@acme.test", form)
                .expect(202)
                .json()
                .get("id")
                .asText();
        JsonNode job = await("import " + id + " finished")
                .atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofSeconds(5))
                .until(
                        () -> {
                            JsonNode progress = calls.job("admin@acme.test", id);
                            System.out.printf(
                                    Locale.ROOT,
                                    "%s: %d of %s rows%n",
                                    filename,
                                    progress.get("processedRows").asInt(),
                                    progress.get("totalRows").asText());
                            return progress;
                        },
                        progress -> Set.of("completed", "failed", "cancelled")
                                .contains(progress.get("status").asText()));
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("imported").asInt()).isEqualTo(ROWS);
        return job;
    }

    private static void report(String format, JsonNode job) {
        Duration took = Duration.between(
                Instant.parse(job.get("startedAt").asText()),
                Instant.parse(job.get("finishedAt").asText()));
        double seconds = took.toMillis() / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "%nBENCHMARK import %s: %,d leads in %.1f s = %,.0f rows/s%n",
                format,
                job.get("imported").asInt(),
                seconds,
                job.get("imported").asInt() / seconds);
    }

    private static String[] row(String run, int i) {
        return new String[] {
            "First" + i,
            "Last" + i,
            "lead" + i + "." + run + "@bench.example.com",
            "Company " + (i % 5000),
            i % 3 == 0 ? "CTO" : "Head of Sales",
            "+49 30 " + (1000000 + i),
            i % 2 == 0 ? "DE" : "US",
            "Software",
            i % 10 == 0 ? "bench;vip" : "bench"
        };
    }

    private static byte[] csv(String run) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append(String.join(",", row(run, i))).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "benchmark", "1.0");
        Worksheet sheet = workbook.newWorksheet("leads");
        for (int c = 0; c < HEADER.length; c++) {
            sheet.value(0, c, HEADER[c]);
        }
        for (int i = 0; i < ROWS; i++) {
            String[] cells = row(run, i);
            for (int c = 0; c < cells.length; c++) {
                sheet.value(i + 1, c, cells[c]);
            }
            if (i % 1000 == 0) {
                sheet.flush();
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
