package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every JSON the API reads is one value, with no key twice, in valid UTF-8: bound to a record class (teams,
 * login), read as a tree (leads, routing rule sets), with an {@code Idempotency-Key}, or inside a form field (an
 * import's mapping). Anything else is a 400 and nothing is written (before, the first value or the last key won).
 */
@IntegrationTest
class StrictJsonTest {

    @Autowired
    Api api;

    @Test
    void contentAfterTheJsonValueIs400AndNothingIsWritten() {
        for (String tail : List.of(" x", "{}", " []", " \"more\"", " 1", "}")) {
            String team = name();
            assertMalformed(post("/api/v1/teams", "{\"name\":\"" + team + "\",\"memberIds\":[]}" + tail));
            assertThat(teamNames()).doesNotContain(team);
            String company = name();
            assertMalformed(post("/api/v1/leads", lead(company) + tail));
            assertMalformed(post("/api/v1/leads", lead(company) + tail)
                    .header("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(leadsOf(company)).isZero();
        }
        assertMalformed(post("/api/v1/routing/rule-sets/validate", "{\"rules\":[]} {\"rules\":[]}"));
        assertMalformed(api.post("/api/v1/auth/login")
                .body(
                        "{\"tenant\":\"acme\",\"email\":\"admin@acme.test\",\"password\":\"Salesflow-demo-1\"} x",
                        "application/json"));
    }

    @Test
    void aKeyTwiceIs400NamingTheKeyAndNothingIsWritten() {
        String team = name();
        Api.Response r = post("/api/v1/teams", "{\"name\":\"" + team + "\",\"name\":\"Other\",\"memberIds\":[]}")
                .send();
        assertMalformed(r);
        assertThat(r.json().get("detail").asText()).contains("'name'");
        assertThat(teamNames()).doesNotContain(team, "Other");

        String company = name();
        assertMalformed(post(
                "/api/v1/leads",
                "{\"lastName\":\"A\",\"lastName\":\"B\",\"company\":\"" + company + "\",\"source\":\"api\"}"));
        assertMalformed(post(
                "/api/v1/leads",
                "{\"lastName\":\"A\",\"company\":\"" + company
                        + "\",\"source\":\"api\",\"customFields\":{\"k\":1,\"k\":2}}"));
        assertMalformed(post("/api/v1/leads", lead(company).replace("{", "{\"source\":\"web\","))
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(leadsOf(company)).isZero();
        assertMalformed(post("/api/v1/routing/rule-sets/validate", "{\"rules\":[],\"rules\":[]}"));
        assertMalformed(api.post("/api/v1/auth/login")
                .body(
                        "{\"tenant\":\"acme\",\"email\":\"x@acme.test\",\"email\":\"admin@acme.test\",\"password\":\"Salesflow-demo-1\"}",
                        "application/json"));
    }

    @Test
    void invalidUtf8Is400SayingSoAndNothingIsWritten() {
        String company = name();
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x28, (byte) 0xA1})) {
            Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                    .body(
                            withBytes(
                                    "{\"lastName\":\"x", bad, "\",\"company\":\"" + company + "\",\"source\":\"api\"}"),
                            "application/json")
                    .send();
            assertMalformed(r);
            assertThat(r.json().get("detail").asText()).containsIgnoringCase("UTF-8");
        }
        Api.Response surrogate = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .body(
                        withBytes(
                                "{\"lastName\":\"x",
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                "\",\"company\":\"" + company + "\",\"source\":\"api\"}"),
                        "application/json")
                .send();
        assertThat(surrogate.status()).as(surrogate.body()).isEqualTo(400);
        assertThat(leadsOf(company)).isZero();
    }

    @Test
    void aNumberIsNoBoolean() {
        String name = name();
        Api.Response r = post(
                        "/api/v1/pipelines",
                        "{\"name\":\"" + name
                                + "\",\"isDefault\":-1,\"stages\":[{\"name\":\"Open\",\"probability\":10}]}")
                .send();
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("isDefault");
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/pipelines")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("name"))
                .doesNotContain(name);
    }

    @Test
    void anImportMappingIsStrictJsonToo() {
        for (String mapping : List.of(
                "{\"lastName\":\"lastName\",\"lastName\":\"email\"}",
                "{\"lastName\":\"lastName\"} {}",
                "{\"lastName\":\"last\\u0000Name\"}")) {
            Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                    .multipart(new Multipart()
                            .field("recordType", "leads")
                            .field("dryRun", "true")
                            .field("mapping", mapping)
                            .file(
                                    "file",
                                    "leads.csv",
                                    "text/csv",
                                    "lastName,source\nX,web\n".getBytes(StandardCharsets.UTF_8)))
                    .send();
            assertThat(r.status()).as(mapping + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("mapping");
        }
    }

    private Api.Call post(String path, String json) {
        return api.as("acme", "admin@acme.test", "POST", path).body(json, "application/json");
    }

    private static void assertMalformed(Api.Call call) {
        assertMalformed(call.send());
    }

    private static void assertMalformed(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/malformed-body");
    }

    private static String lead(String company) {
        return "{\"lastName\":\"Strict\",\"company\":\"" + company + "\",\"source\":\"api\"}";
    }

    private static byte[] withBytes(String before, byte[] bytes, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private List<String> teamNames() {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/teams")
                .send()
                .expect(200)
                .json()
                .findValuesAsText("name");
    }

    private int leadsOf(String company) {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/leads?company=" + company)
                .send()
                .expect(200)
                .json()
                .get("items")
                .size();
    }

    private static String name() {
        return "Strict" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
