package io.salesflow.imports;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordScenarios;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ExportTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.test\",\"click\")";

    @Autowired
    Api api;

    @Test
    void aCsvExportHasTheChosenColumnsInTheListOrderWithFormulasDefused() throws IOException {
        String tag = ImportApiTest.marker();
        lead(Map.of("firstName", "Ada", "lastName", "Zeta", "company", FORMULA, "phone", "+49 30 123456"), tag);
        lead(Map.of("firstName", "Bob", "lastName", "Alpha", "company", "@SUM(A1)"), tag);
        lead(Map.of("firstName", "Cy", "lastName", "Mid", "company", "-2+3"), tag);
        lead(Map.of("firstName", "Not", "lastName", "Tagged"), ImportApiTest.marker());

        Api.Response response = api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/leads/export?format=csv&tags[has]=" + tag
                                + "&sort=lastName&fields=lastName,company,phone&embed=owner")
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition").orElseThrow())
                .contains("attachment")
                .contains("leads-" + LocalDate.now(ZoneOffset.UTC) + ".csv");

        List<CSVRecord> rows =
                CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
        assertThat(rows.get(0).toList())
                .containsExactly("id", "lastName", "company", "phone", "owner.displayName", "owner.email");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4).stream().map(r -> r.get(1))).containsExactly("Alpha", "Mid", "Zeta");
        assertThat(rows.get(1).get(2)).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(2).get(2)).isEqualTo("'-2+3");
        assertThat(rows.get(3).get(2)).isEqualTo("'" + FORMULA);
        assertThat(rows.get(3).get(3)).isEqualTo("'+49 30 123456");
        assertThat(rows.get(3).get(5)).isEqualTo("admin@acme.test");

        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/audit-log?resourceType=lead&resourceId=leads")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("action"))
                .contains("records.exported");
    }

    @Test
    void anXlsxExportHoldsValuesNeverFormulas() throws IOException {
        String tag = ImportApiTest.marker();
        lead(Map.of("firstName", "Ada", "lastName", "Zeta", "company", FORMULA), tag);
        lead(Map.of("firstName", "Bob", "lastName", "Alpha", "company", "Plain Co"), tag);
        byte[] xlsx = api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/leads/export?format=xlsx&tags[has]=" + tag
                                + "&sort=-lastName&fields=lastName,company,tags")
                .download(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(texts(rows.get(0))).containsExactly("id", "lastName", "company", "tags");
            assertThat(texts(rows.get(1)).subList(1, 4)).containsExactly("Zeta", FORMULA, tag);
            Cell company = rows.get(1).getCell(2);
            assertThat(company.getType()).isEqualTo(CellType.STRING);
            assertThat(company.getFormula()).isNull();
            assertThat(texts(rows.get(2)).subList(1, 3)).containsExactly("Alpha", "Plain Co");
        }
    }

    @Test
    void anExportHoldsExactlyWhatTheCallersListShowsOverEveryPage() throws IOException {
        String tag = ImportApiTest.marker();
        Map<String, String> ids = RecordScenarios.ownedBy(
                api,
                "/api/v1/leads",
                List.of("rep", "rep2", "marketing", "admin"),
                owner -> Map.of("lastName", owner, "source", "api", "tags", List.of(tag)));
        assertThat(exportedIds("rep@acme.test", "tags[has]=" + tag))
                .containsExactlyInAnyOrder(ids.get("rep"), ids.get("rep2"))
                .isEqualTo(listedIds("rep@acme.test", "tags[has]=" + tag));
        assertThat(exportedIds("auditor@acme.test", "tags[has]=" + tag)).hasSize(4);
        assertThat(exportedIds("admin@globex.test", "tags[has]=" + tag)).isEmpty();

        StringBuilder csv = new StringBuilder("Last Name,Tags\n");
        for (int i = 0; i < 230; i++) {
            csv.append("Paged ").append(i).append(',').append(tag).append("-paged\n");
        }
        ImportCalls calls = new ImportCalls(api);
        calls.imported("admin@acme.test", calls.leads("admin@acme.test", csv.toString()));
        assertThat(exportedIds("admin@acme.test", "tags[has]=" + tag + "-paged"))
                .hasSize(230);
    }

    @Test
    void everyRecordListExportsAndBadRequestsAreRefusedBeforeAnyByte() {
        for (String collection : List.of("leads", "contacts", "accounts", "deals")) {
            Api.Response r = api.as("acme", "admin@acme.test", "GET", "/api/v1/" + collection + "/export?limit=1")
                    .send();
            assertThat(r.status()).as(collection).isEqualTo(200);
            assertThat(r.body().lines().findFirst().orElseThrow()).startsWith("id,");
        }
        Api.Response forbidden = api.as("acme", "support@acme.test", "GET", "/api/v1/leads/export")
                .send();
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertField(
                api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/export?format=pdf")
                        .send(),
                "format");
        assertField(
                api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/export?colour=red")
                        .send(),
                "colour");
        assertField(
                api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/export?fields=nope")
                        .send(),
                "fields");
    }

    private void lead(Map<String, Object> fields, String tag) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("source", "api");
        body.put("tags", List.of(tag));
        api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .json(body)
                .send()
                .expect(201);
    }

    private Set<String> exportedIds(String email, String query) throws IOException {
        String tenant = email.substring(email.indexOf('@') + 1, email.indexOf('.'));
        Api.Response r =
                api.as(tenant, email, "GET", "/api/v1/leads/export?" + query).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<CSVRecord> rows =
                CSVFormat.RFC4180.parse(new StringReader(r.body())).getRecords();
        Set<String> ids = rows.stream().skip(1).map(row -> row.get(0)).collect(Collectors.toSet());
        assertThat(ids).as("no record twice").hasSize(rows.size() - 1);
        return ids;
    }

    private Set<String> listedIds(String email, String query) {
        return new HashSet<>(api.as("acme", email, "GET", "/api/v1/leads?limit=200&" + query)
                .send()
                .expect(200)
                .json()
                .get("items")
                .findValuesAsText("id"));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            texts.add(row.getCellText(i));
        }
        return texts;
    }
}
