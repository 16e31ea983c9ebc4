package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bodies of a shape or type the API does not take: a wildcard or odd media type is a 415 naming
 * {@code Content-Type}; a file name with NUL, two files where one is read, or a file without an extension is
 * refused naming {@code file}. Nothing is written and nothing is logged as an error (before: 500s and 201s).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileUploadTest {

    private static final byte[] TEXT = "hello".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CSV = "lastName,source\nImported,web\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Api api;

    @Test
    void aWildcardOrOddMediaTypeIs415NamingTheContentTypeAndNothingIsWritten(CapturedOutput output) {
        String marker = "Typed" + UUID.randomUUID().toString().substring(0, 8);
        String body = Api.json(Map.of("lastName", "Typed", "company", marker, "source", "api"));
        for (String type : List.of(
                "application/*",
                "*/*",
                "*/json",
                "application/json; charset=nonsense",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "json",
                "application/json; =",
                "application/yaml")) {
            Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                    .header("X-Request-Id", "hostile-upload-type")
                    .body(body, type)
                    .send();
            assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(415);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
        }
        assertThat(leadsOf(marker)).isZero();
        api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .body(body, "application/json; charset=utf-8")
                .send()
                .expect(201);
        assertThat(leadsOf(marker)).isOne();
        assertNoErrorLogged(output);
    }

    @Test
    void anUploadWithANulInItsFileNameIs400NamingTheFile(CapturedOutput output) {
        String lead = lead();
        file(api.as("acme", "admin@acme.test", "POST", "/api/v1/leads/" + lead + "/attachments")
                        .multipart(new Multipart().file("file", "note\u0000.txt", "text/plain", TEXT)))
                .isEqualTo(400);
        file(api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                        .multipart(new Multipart()
                                .field("recordType", "leads")
                                .field("dryRun", "true")
                                .file("file", "leads\u0000.csv", "text/csv", CSV)))
                .isEqualTo(400);
        assertThat(attachmentsOf(lead)).isZero();
        assertNoErrorLogged(output);
    }

    @Test
    void twoFilePartsAre400NamingTheFileAndNeitherIsKept(CapturedOutput output) {
        String lead = lead();
        file(api.as("acme", "admin@acme.test", "POST", "/api/v1/leads/" + lead + "/attachments")
                        .multipart(new Multipart()
                                .file("file", "one.txt", "text/plain", TEXT)
                                .file("file", "two.txt", "text/plain", TEXT)))
                .isEqualTo(400);
        assertThat(attachmentsOf(lead)).isZero();

        String filename = "twice-" + UUID.randomUUID() + ".csv";
        file(api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                        .multipart(new Multipart()
                                .field("recordType", "leads")
                                .field("dryRun", "true")
                                .file("file", filename, "text/csv", CSV)
                                .file("file", "other.csv", "text/csv", CSV)))
                .isEqualTo(400);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/imports?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("filename"))
                .doesNotContain(filename);
        assertNoErrorLogged(output);
    }

    @Test
    void anAttachmentWithoutAnExtensionIs415NamingTheFile() {
        String lead = lead();
        for (String name : List.of("README", "scan", "notes.")) {
            file(api.as("acme", "admin@acme.test", "POST", "/api/v1/leads/" + lead + "/attachments")
                            .file("file", name, "text/plain", TEXT))
                    .isEqualTo(415);
        }
        assertThat(attachmentsOf(lead)).isZero();
    }

    @Test
    void aMultipartBodyThatEndsTooSoonIs400MalformedBody(CapturedOutput output) {
        String lead = lead();
        String cut = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhel";
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads/" + lead + "/attachments")
                .header("X-Request-Id", "hostile-upload-cut")
                .body(cut, "multipart/form-data; boundary=b1")
                .send();
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/malformed-body");
        assertNoErrorLogged(output);
    }

    /** Sends the upload; the status is for the caller to check, the field must be {@code file}. */
    private org.assertj.core.api.AbstractIntegerAssert<?> file(Api.Call call) {
        Api.Response r = call.header("X-Request-Id", "hostile-upload-file").send();
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        return assertThat(r.status()).as(r.body());
    }

    private String lead() {
        return api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Uploads", "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private int attachmentsOf(String lead) {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/" + lead + "/attachments")
                .send()
                .expect(200)
                .json()
                .get("items")
                .size();
    }

    private int leadsOf(String company) {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/leads?company=" + company)
                .send()
                .expect(200)
                .json()
                .get("items")
                .size();
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(output.getOut().lines().filter(l -> l.contains("[hostile-upload-")))
                .noneMatch(l -> l.contains(" ERROR "));
    }
}
