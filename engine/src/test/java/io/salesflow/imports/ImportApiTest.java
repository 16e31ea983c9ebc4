package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.lead.LeadCreated;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import io.salesflow.support.PublishedEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ImportApiTest {

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    ImportCalls calls;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        calls = new ImportCalls(api);
    }

    @Test
    void aMappedCsvBecomesLeadsOwnedByTheImporterThatReadLikeAnyOther() {
        String run = marker();
        String csv = "Given,Family,Mail,Org,Labels,Notes\n"
                + "Ada,Lovelace,ada." + run + "@engines.test,Analytical Engines,\"vip;" + run + "\",ignored\n"
                + "Charles,Babbage,charles." + run + "@engines.test,Difference Engines," + run + ",ignored\n";
        Api.Response upload = calls.leads(
                "rep@acme.test",
                csv,
                "mapping",
                "{\"Given\":\"firstName\",\"Family\":\"lastName\",\"Mail\":\"email\",\"Org\":\"company\","
                        + "\"Labels\":\"tags\",\"Notes\":null}");
        assertThat(upload.status()).isEqualTo(202);
        String id = upload.json().get("id").asText();
        assertThat(upload.header("Location").orElseThrow()).endsWith("/api/v1/imports/" + id);

        JsonNode job = calls.finished("rep@acme.test", id);
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("totalRows").asInt()).isEqualTo(2);
        assertThat(job.get("processedRows").asInt()).isEqualTo(2);
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("failed").asInt()).isZero();
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("mapping").toString())
                .isEqualTo("{\"Given\":\"firstName\",\"Family\":\"lastName\",\"Mail\":\"email\",\"Org\":\"company\","
                        + "\"Labels\":\"tags\"}");

        JsonNode leads = api.as("acme", "rep@acme.test", "GET", "/api/v1/leads?tags[has]=" + run + "&sort=lastName")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(leads.findValuesAsText("lastName")).containsExactly("Babbage", "Lovelace");
        JsonNode ada = leads.get(1);
        assertThat(ada.get("email").asText()).isEqualTo("ada." + run + "@engines.test");
        assertThat(ada.get("company").asText()).isEqualTo("Analytical Engines");
        assertThat(ada.get("source").asText()).isEqualTo("import");
        assertThat(ada.get("status").asText()).isEqualTo("new");
        assertThat(ada.get("ownerId").asText()).isEqualTo(userId("rep@acme.test"));
        assertThat(ada.get("tags").toString()).contains("vip", run);

        JsonNode history = api.as(
                        "acme",
                        "rep@acme.test",
                        "GET",
                        "/api/v1/leads/" + ada.get("id").asText() + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.findValuesAsText("requestId")).containsOnly("import:" + id);
        assertThat(events.of(LeadCreated.class).map(e -> e.leadId().toString()))
                .contains(ada.get("id").asText(), leads.get(0).get("id").asText());

        JsonNode audit = api.as(
                        "acme", "admin@acme.test", "GET", "/api/v1/audit-log?resourceType=import&resourceId=" + id)
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(audit.findValuesAsText("action")).contains("import.started", "import.finished");
    }

    @Test
    void anXlsxWorkbookBecomesContactsWithHeadersMappedByTheirCommonNames() throws IOException {
        String run = marker();
        byte[] xlsx = xlsx(
                List.of("First Name", "Last Name", "E-mail", "Phone", "Email Opt-In", "Tags", "Time Zone"),
                List.of(
                        "Grace",
                        "Hopper",
                        "grace." + run + "@navy.test",
                        "+49 30 901820",
                        "yes",
                        run,
                        "America/New_York"),
                List.of("Alan", "Turing", "alan." + run + "@bletchley.test", "", "no", run, ""));
        Multipart form = new Multipart()
                .field("recordType", "contacts")
                .file("file", "people.xlsx", "application/octet-stream", xlsx);
        JsonNode job = calls.imported("admin@acme.test", calls.upload("acme", "admin@acme.test", form));
        assertThat(job.get("format").asText()).isEqualTo("xlsx");
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("mapping").toString())
                .isEqualTo(
                        "{\"First Name\":\"firstName\",\"Last Name\":\"lastName\",\"E-mail\":\"email\",\"Phone\":\"phone\","
                                + "\"Email Opt-In\":\"emailOptIn\",\"Tags\":\"tags\",\"Time Zone\":\"timeZone\"}");

        JsonNode contacts = api.as(
                        "acme", "admin@acme.test", "GET", "/api/v1/contacts?tags[has]=" + run + "&sort=lastName")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(contacts.findValuesAsText("lastName")).containsExactly("Hopper", "Turing");
        assertThat(contacts.get(0).get("phone").asText()).isEqualTo("+4930901820");
        assertThat(contacts.get(0).get("emailOptIn").asBoolean()).isTrue();
        assertThat(contacts.get(1).get("emailOptIn").asBoolean()).isFalse();
        assertThat(contacts.get(1).get("source").asText()).isEqualTo("import");
        assertThat(contacts.get(0).get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(contacts.get(1).get("timeZone").isNull()).isTrue();

        String exported = api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/contacts/export?format=csv&tags[has]=" + run
                                + "&sort=lastName&fields=lastName,timeZone")
                .send()
                .expect(200)
                .body();
        assertThat(exported.lines().toList()).hasSize(3).element(1).asString().endsWith(",Hopper,America/New_York");
    }

    @Test
    void aDryRunReportsEveryBadRowWithItsFieldAndWritesNothing() {
        String run = marker();
        String csv = "First Name,Last Name,Email,Company Size,Owner\n"
                + "Good,One,good1." + run + "@dry.test,11-50,\n"
                + "Bad,Email,not-an-email,11-50,\n"
                + "Bad,Size,size." + run + "@dry.test,huge,\n"
                + ",,nobody." + run + "@dry.test,,\n"
                + "Bad,Owner,owner." + run + "@dry.test,,ghost@acme.test\n"
                + "Good,Two,good2." + run + "@dry.test,,admin@acme.test\n";
        JsonNode job = calls.imported("admin@acme.test", calls.leads("admin@acme.test", csv, "dryRun", "true"));
        assertThat(job.get("dryRun").asBoolean()).isTrue();
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("failed").asInt()).isEqualTo(4);

        JsonNode errors = errors("admin@acme.test", job.get("id").asText(), "");
        assertThat(errors.findValuesAsText("row")).containsExactly("3", "4", "5", "6");
        assertThat(errors.findValuesAsText("field")).containsExactly("email", "companySize", "lastName", "ownerEmail");
        assertThat(errors.findValuesAsText("column")).containsExactly("Email", "Company Size", "Last Name", "Owner");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("is not a valid email address");

        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/leads?email[contains]=" + run)
                        .send()
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void aPartialImportKeepsTheGoodRowsAndHandsBackTheFailedOnesReadyToFix() throws IOException {
        String run = marker();
        String csv = "First Name,Last Name,Email,Notes\n"
                + "One,Good,one." + run + "@partial.test,first\n"
                + "Two,Bad,two-at-partial.test,\"says \"\"hi\"\", twice\"\n"
                + "Three,Good,three." + run + "@partial.test,\n"
                + "Four,Bad,four-at-partial.test,=1+1\n"
                + "Five,Good,five." + run + "@partial.test,\n";
        JsonNode job = calls.imported("rep@acme.test", calls.leads("rep@acme.test", csv));
        assertThat(job.get("imported").asInt()).isEqualTo(3);
        assertThat(job.get("failed").asInt()).isEqualTo(2);
        assertThat(job.get("processedRows").asInt()).isEqualTo(5);
        String id = job.get("id").asText();

        JsonNode page = api.as("acme", "rep@acme.test", "GET", "/api/v1/imports/" + id + "/errors?limit=1")
                .send()
                .expect(200)
                .json();
        assertThat(page.get("items").findValuesAsText("row")).containsExactly("3");
        assertThat(errors(
                                "rep@acme.test",
                                id,
                                "&cursor=" + page.get("nextCursor").asText())
                        .findValuesAsText("row"))
                .containsExactly("5");

        Api.Response failed = api.as("acme", "rep@acme.test", "GET", "/api/v1/imports/" + id + "/failed-rows")
                .send();
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.contentType()).startsWith("text/csv");
        assertThat(failed.header("Content-Disposition").orElseThrow()).contains("attachment");
        List<CSVRecord> rows =
                CSVFormat.RFC4180.parse(new StringReader(failed.body())).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("First Name", "Last Name", "Email", "Notes", "error");
        assertThat(rows.get(1).toList())
                .containsExactly(
                        "Two",
                        "Bad",
                        "two-at-partial.test",
                        "says \"hi\", twice",
                        "email: is not a valid email address");
        assertThat(rows.get(2).get(3)).as("formula-like cells come back quoted").isEqualTo("'=1+1");

        StringBuilder fixed =
                new StringBuilder(failed.body().lines().findFirst().orElseThrow()).append('\n');
        rows.stream().skip(1).forEach(r -> fixed.append(r.get(0))
                .append(',')
                .append(r.get(1))
                .append(',')
                .append(r.get(2).replace("-at-", "." + run + "@"))
                .append(",'=1+1,\n"));
        JsonNode again = calls.imported("rep@acme.test", calls.leads("rep@acme.test", fixed.toString()));
        assertThat(again.get("imported").asInt()).isEqualTo(2);
        assertThat(again.get("failed").asInt()).isZero();
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/leads?email[contains]=" + run)
                        .send()
                        .expect(200)
                        .json()
                        .get("items"))
                .hasSize(5);
    }

    @Test
    void aRoleWithoutTheWritePermissionCannotImport() {
        Api.Response refused = calls.leads("support@acme.test", "First Name\nX\n");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void jobsAreSeenByTheirStarterAndThoseWhoseScopeCoversThemButNeverByAnotherTenant() {
        String id = calls.imported(
                        "rep@acme.test", calls.leads("rep@acme.test", "Company\nSeen Ltd " + marker() + "\n"))
                .get("id")
                .asText();
        assertThat(status("manager@acme.test", id)).as("the rep's manager").isEqualTo(200);
        assertThat(status("admin@acme.test", id)).isEqualTo(200);
        assertThat(status("rep2@acme.test", id))
                .as("a colleague who writes only their own leads")
                .isEqualTo(404);
        assertThat(status("support@acme.test", id)).isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/imports/" + id)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/imports/" + id + "/errors")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/imports/" + id + "/failed-rows")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/imports/" + id + "/cancel")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/imports?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/imports?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/imports/" + id + "/cancel")
                        .send()
                        .status())
                .as("a finished job cannot be cancelled")
                .isEqualTo(409);
    }

    private int status(String email, String id) {
        return api.as("acme", email, "GET", "/api/v1/imports/" + id).send().status();
    }

    private JsonNode errors(String email, String id, String query) {
        return api.as("acme", email, "GET", "/api/v1/imports/" + id + "/errors?limit=200" + query)
                .send()
                .expect(200)
                .json()
                .get("items");
    }

    private String userId(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @SafeVarargs
    static byte[] xlsx(List<String>... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].size(); c++) {
                if (!rows[r].get(c).isEmpty()) {
                    sheet.value(r, c, rows[r].get(c));
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
