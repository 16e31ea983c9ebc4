package io.salesflow.imports;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Uploads that cannot become a job: each is refused with the field named, and no job is left behind. */
@IntegrationTest
class ImportInputTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    ImportCalls calls;

    @BeforeEach
    void setUp() {
        calls = new ImportCalls(api);
    }

    @Test
    void aMappingMustNameColumnsOfTheFileAndFieldsOfTheType() {
        int before = jobs();
        String csv = "Name,Mail\nAda,ada@x.test\n";
        assertField(calls.leads("admin@acme.test", csv, "mapping", "{\"Mail\":\"emailAddress\"}"), "mapping.Mail");
        assertField(calls.leads("admin@acme.test", csv, "mapping", "{\"Phone\":\"phone\"}"), "mapping.Phone");
        assertField(
                calls.leads("admin@acme.test", csv, "mapping", "{\"Name\":\"lastName\",\"Mail\":\"lastName\"}"),
                "mapping.Mail");
        assertField(calls.leads("admin@acme.test", csv, "mapping", "{\"Mail\":\"score\"}"), "mapping.Mail");
        assertField(calls.leads("admin@acme.test", csv, "mapping", "not json"), "mapping");
        assertField(calls.leads("admin@acme.test", "Colour,Shape\nred,round\n"), "mapping");
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void theFormFieldsAreChecked() {
        int before = jobs();
        String csv = "Last Name\nLovelace\n";
        assertField(calls.leads("admin@acme.test", csv, "duplicates", "ignore"), "duplicates");
        assertField(calls.leads("admin@acme.test", csv, "dryRun", "perhaps"), "dryRun");
        assertField(
                calls.upload(
                        "acme",
                        "admin@acme.test",
                        new Multipart().field("recordType", "deals").file("file", "d.csv", "text/csv", bytes(csv))),
                "recordType");
        assertField(calls.upload("acme", "admin@acme.test", new Multipart().field("recordType", "leads")), "file");
        assertField(
                calls.upload(
                        "acme",
                        "admin@acme.test",
                        new Multipart().field("recordType", "leads").file("file", "e.csv", "text/csv", new byte[0])),
                "file");
        assertField(calls.leads("admin@acme.test", "\n\n"), "file");
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void onlyCsvAndXlsxFilesAreRead() {
        int before = jobs();
        assertUnsupported(upload("report.pdf", "%PDF-1.7 binary".getBytes(StandardCharsets.ISO_8859_1)));
        assertUnsupported(upload("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0}));
        assertUnsupported(upload("fake.xlsx", bytes("Last Name\nLovelace\n")));
        assertUnsupported(upload("data.csv", new byte[] {'a', 0, 'b', '\n'}));
        assertField(upload("broken.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}), "file");
        assertField(upload("bomb.xlsx", manyParts()), "file");
        assertThat(api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                        .json("{\"recordType\":\"leads\"}")
                        .send()
                        .status())
                .isEqualTo(415);
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void aSemicolonSeparatedWindowsFileIsReadToo() {
        String marker = ImportApiTest.marker();
        byte[] latin1 = ("Nachname;Firma;E-Mail\nM\u00fcller;Gr\u00fcn AG;mueller." + marker + "@gruen.test\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        var job = calls.imported(
                "admin@acme.test",
                calls.upload(
                        "acme",
                        "admin@acme.test",
                        new Multipart()
                                .field("recordType", "leads")
                                .field(
                                        "mapping",
                                        "{\"Nachname\":\"lastName\",\"Firma\":\"company\",\"E-Mail\":\"email\"}")
                                .file("file", "leads.csv", "text/csv", latin1)));
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/leads?email[contains]=" + marker)
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .get(0)
                        .get("company")
                        .asText())
                .isEqualTo("Gr\u00fcn AG");
    }

    @Test
    void theUploadRouteTakesLargerBodiesThanTheRestOfTheApi() {
        String csv = "Last Name,Notes\nLovelace," + "n".repeat(1_200_000) + "\n";
        Api.Response accepted = calls.leads("admin@acme.test", csv, "dryRun", "true");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        calls.imported("admin@acme.test", accepted);
        assertThat(api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                        .json("{\"lastName\":\"" + "x".repeat(1_100_000) + "\",\"source\":\"api\"}")
                        .send()
                        .status())
                .isEqualTo(413);
    }

    @Test
    void anUploadRepeatedWithItsIdempotencyKeyFindsItsFirstJob() {
        String csv = "Last Name,Email\nOnce," + ImportApiTest.marker() + "@once.test\n";
        String key = "import-" + ImportApiTest.marker();
        Api.Response first = keyed(key, csv);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Api.Response again = keyed(key, csv);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id").asText())
                .isEqualTo(first.json().get("id").asText());
        Api.Response other = keyed(key, csv + "Twice,twice@once.test\n");
        assertThat(other.status()).isEqualTo(422);
        calls.finished("admin@acme.test", first.json().get("id").asText());
    }

    private Api.Response keyed(String key, String csv) {
        return api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                .header("Idempotency-Key", key)
                .multipart(new Multipart().field("recordType", "leads").file("file", "l.csv", "text/csv", bytes(csv)))
                .send();
    }

    private Api.Response upload(String filename, byte[] content) {
        return calls.upload(
                "acme",
                "admin@acme.test",
                new Multipart()
                        .field("recordType", "leads")
                        .file("file", filename, "application/octet-stream", content));
    }

    private static void assertUnsupported(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
    }

    /** A zip of more parts than any workbook has: refused before it is opened. */
    private static byte[] manyParts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= 10_000; i++) {
                zip.putNextEntry(new ZipEntry("p" + i));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private int jobs() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM import_jobs", Integer.class));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
