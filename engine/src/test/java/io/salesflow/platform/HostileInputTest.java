package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Values no field may hold, in bodies and in parameters: each is a 400 naming the field or parameter, nothing is
 * written, and nothing is logged as an error (before, PostgreSQL refused them: a 409 or a 500 with a stack trace).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest {

    private static final String NUL = "a\u0000b";
    private static final String FAR_FUTURE = "+999999999-01-01T00:00:00Z";
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @Autowired
    Api api;

    @Test
    void nulAndUnpairedSurrogatesInAnyJsonTextAre400NamingTheFieldAndNothingIsWritten(CapturedOutput output) {
        for (String bad : List.of(NUL, "\ud800", "x\udc00", "\udc00\ud800")) {
            String marker = marker();
            refused(post("/api/v1/leads", Map.of("lastName", bad, "company", marker, "source", "api")), "lastName");
            refused(
                    post(
                            "/api/v1/leads",
                            Map.of(
                                    "lastName",
                                    "Tagged",
                                    "company",
                                    marker,
                                    "source",
                                    "api",
                                    "tags",
                                    List.of("ok", bad))),
                    "tags[1]");
            refused(
                    post("/api/v1/accounts", Map.of("name", marker, "billingAddress", Map.of("city", bad))),
                    "billingAddress.city");
            refused(post("/api/v1/teams", Map.of("name", marker + bad, "memberIds", List.of())), "name");
            refused(
                    api.post("/api/v1/auth/login")
                            .json(escaped(Map.of("tenant", "acme", "email", "admin@acme.test" + bad, "password", "x"))),
                    "email");
            assertThat(list("/api/v1/leads?company=" + marker)).isEmpty();
            assertThat(list("/api/v1/accounts?name=" + marker)).isEmpty();
            assertThat(teamNames()).noneMatch(name -> name.startsWith(marker));
        }
        String marker = marker();
        refused(
                post("/api/v1/leads", Map.of("lastName", "Keyed", "company", marker, "source", "api", NUL, "x")),
                "body");
        assertThat(list("/api/v1/leads?company=" + marker)).isEmpty();
        assertNoErrorLogged(output);
    }

    @Test
    void aSurrogatePairIsOneCharacterAndKept() {
        Api.Response created = post("/api/v1/leads", Map.of("lastName", "Smile \ud83d\ude00", "source", "api"))
                .send()
                .expect(201);
        assertThat(created.json().get("lastName").asText()).isEqualTo("Smile \ud83d\ude00");
    }

    @Test
    void queryParametersWithNulOrInvalidUtf8Are400NamingTheParameter(CapturedOutput output) {
        refused(get("/api/v1/leads?lastName=a%00b"), "lastName");
        refused(get("/api/v1/leads?lastName=%ED%A0%80"), "lastName");
        refused(get("/api/v1/leads?lastName=%FF"), "lastName");
        refused(get("/api/v1/search?q=ab%00cd"), "q");
        refused(get("/api/v1/audit-log?resourceType=lead%00"), "resourceType");
        refused(get("/api/v1/leads?limit=10&last%00Name=x"), "query");
        assertNoErrorLogged(output);
    }

    @Test
    void timesOutsideTheYears1To9999Are400InBodiesAndFilters(CapturedOutput output) {
        String marker = marker();
        refused(post("/api/v1/activities", Map.of("type", "task", "subject", marker, "dueAt", FAR_FUTURE)), "dueAt");
        refused(
                post("/api/v1/activities", Map.of("type", "task", "subject", marker, "startAt", "-999999999-01-01")),
                "startAt");
        assertThat(list("/api/v1/activities?subject=" + marker)).isEmpty();
        refused(
                post(
                        "/api/v1/deals",
                        Map.of("name", marker, "amount", 1, "currency", "EUR", "expectedCloseDate", "0000-12-31")),
                "expectedCloseDate");
        assertThat(list("/api/v1/deals?name=" + marker)).isEmpty();

        String me = api.as("acme", "admin@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        String absences = "/api/v1/users/" + me + "/absences";
        int before =
                api.as("acme", "admin@acme.test", "GET", absences).send().json().size();
        refused(post(absences, Map.of("startsAt", FAR_FUTURE, "endsAt", "2031-01-01T00:00:00Z")), "startsAt");
        assertThat(api.as("acme", "admin@acme.test", "GET", absences).send().json())
                .hasSize(before);

        refused(get("/api/v1/leads?createdAt[gt]=%2B999999999-01-01T00:00:00Z"), "createdAt[gt]");
        refused(get("/api/v1/deals?expectedCloseDate[lt]=-999999999-01-01"), "expectedCloseDate[lt]");
        refused(get("/api/v1/deals?expectedCloseDate=0000-12-31"), "expectedCloseDate");
        assertNoErrorLogged(output);
    }

    @Test
    void extremeExponentsAre400InNumberFiltersAndCustomNumbersWhichKeepTheirThirtyDigits(CapturedOutput output) {
        refused(get("/api/v1/deals?amount[gt]=1e999999"), "amount[gt]");
        refused(get("/api/v1/deals?amount[lt]=1e-999999"), "amount[lt]");
        refused(get("/api/v1/leads?score=-1E%2B2147483647"), "score");

        String key = "hostile" + UUID.randomUUID().toString().substring(0, 8);
        api.as("acme", "admin@acme.test", "POST", "/api/v1/custom-fields")
                .json(Map.of("recordType", "lead", "key", key, "label", key, "type", "number"))
                .send()
                .expect(201);
        String field = "customFields." + key;
        String marker = marker();
        for (String number :
                List.of("1e999999", "1e-999999", "\"1e999999\"", "1E+30", "1234567890123456789012345678901")) {
            Api.Call create = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                    .json("{\"lastName\":\"Numbers\",\"company\":\"" + marker
                            + "\",\"source\":\"api\",\"customFields\":{\"" + key + "\":" + number + "}}");
            refused(create, field);
        }
        assertThat(list("/api/v1/leads?company=" + marker)).isEmpty();
        refused(get("/api/v1/leads?" + field + "[gte]=1e999999"), field + "[gte]");

        JsonNode kept = post(
                        "/api/v1/leads",
                        Map.of(
                                "lastName",
                                "Numbers",
                                "source",
                                "api",
                                "customFields",
                                Map.of(key, new java.math.BigDecimal("123456789012345678901234567890"))))
                .send()
                .expect(201)
                .json();
        assertThat(kept.get("customFields").get(key).decimalValue())
                .isEqualByComparingTo("123456789012345678901234567890");
        assertThat(post(
                                "/api/v1/leads",
                                Map.of("lastName", "Small", "source", "api", "customFields", Map.of(key, "1e-29")))
                        .send()
                        .status())
                .isEqualTo(201);
        assertNoErrorLogged(output);
    }

    @Test
    void aCursorThatDecodesToNullOrTheWrongShapeIs400NamingTheCursor(CapturedOutput output) {
        String lead = list("/api/v1/leads?limit=1").get(0).get("id").asText();
        for (String json : List.of("null", "[]", "[null]", "{\"a\":1}", "[1,2,3]", "\"x\"", "[\"a\\u0000\"]")) {
            String cursor = cursor(json);
            refused(get("/api/v1/leads?cursor=" + cursor), "cursor");
            refused(get("/api/v1/leads?sort=lastName,-createdAt&cursor=" + cursor), "cursor");
            refused(get("/api/v1/leads/" + lead + "/timeline?cursor=" + cursor), "cursor");
        }
        refused(
                get("/api/v1/leads/" + lead + "/timeline?cursor=" + cursor("[\"" + FAR_FUTURE + "\",\"note\",\"x\"]")),
                "cursor");
        refused(get("/api/v1/users?cursor=" + cursor("a\u0000b")), "cursor");
        refused(get("/api/v1/imports?cursor=" + cursor(FAR_FUTURE + "|" + UUID.randomUUID())), "cursor");
        refused(get("/api/v1/scoring/rescoring-jobs?cursor=" + cursor(FAR_FUTURE + "|" + UUID.randomUUID())), "cursor");
        refused(
                get("/api/v1/leads/" + lead + "/attachments?cursor=" + cursor(FAR_FUTURE + "|" + UUID.randomUUID())),
                "cursor");
        assertNoErrorLogged(output);
    }

    @Test
    void anEmbedTheRecordTypeDoesNotHaveIs400NamingEmbed(CapturedOutput output) {
        String lead = list("/api/v1/leads?limit=1").get(0).get("id").asText();
        for (String embed : List.of("nothing", "owner,nothing", "-1", "owner,a%00b")) {
            refused(get("/api/v1/leads/" + lead + "?embed=" + embed), "embed");
        }
        assertThat(get("/api/v1/leads/" + lead + "?embed=owner,team").send().status())
                .isEqualTo(200);
        assertNoErrorLogged(output);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIs400NamingIt(CapturedOutput output) {
        String email = marker().toLowerCase() + "@acme.test";
        String accents = "Pässwörd-".repeat(8);
        refused(
                post(
                        "/api/v1/users",
                        Map.of(
                                "email",
                                email,
                                "displayName",
                                "Long",
                                "password",
                                accents,
                                "roles",
                                List.of("sales_rep"))),
                "password");
        assertThat(get("/api/v1/users?limit=200").send().json().findValuesAsText("email"))
                .doesNotContain(email);
        assertNoErrorLogged(output);
    }

    private Api.Call get(String path) {
        return api.as("acme", "admin@acme.test", "GET", path);
    }

    private static String escaped(Map<String, ?> body) {
        try {
            return ESCAPING.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Non-ASCII escaped: a lone surrogate written as UTF-8 would arrive as a question mark, not as itself. */
    private Api.Call post(String path, Map<String, ?> body) {
        return api.as("acme", "admin@acme.test", "POST", path).json(escaped(body));
    }

    /** Sends with a request id of this class's, so the log can be searched for the request's lines. */
    private void refused(Api.Call call, String field) {
        String requestId = "hostile-input-" + REQUESTS.incrementAndGet();
        Api.Response r = call.header("X-Request-Id", requestId).send();
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText())
                .as(r.body())
                .isEqualTo(field);
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(output.getOut().lines().filter(l -> l.contains("[hostile-input-")))
                .noneMatch(l -> l.contains(" ERROR "));
    }

    private List<JsonNode> list(String path) {
        List<JsonNode> items = new java.util.ArrayList<>();
        get(path).send().expect(200).json().get("items").forEach(items::add);
        return items;
    }

    private List<String> teamNames() {
        List<String> names = new java.util.ArrayList<>();
        get("/api/v1/teams")
                .send()
                .expect(200)
                .json()
                .forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static String marker() {
        return "Hostile" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
