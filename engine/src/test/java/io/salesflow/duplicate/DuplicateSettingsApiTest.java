package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.find;
import static io.salesflow.duplicate.DuplicateFixture.unique;
import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET/PUT /api/v1/duplicates/settings}: thresholds, signals and email normalisation per tenant, which change
 * what counts as a duplicate. Changes the settings of globex only, and puts the defaults back after each test.
 */
@IntegrationTest
class DuplicateSettingsApiTest {

    private static final String ADMIN = "admin@globex.test";

    @Autowired
    Api api;

    @Autowired
    DuplicateSettingsService service;

    @Autowired
    InTenant inTenant;

    @Autowired
    ObjectMapper objectMapper;

    private DuplicateFixture records;

    @BeforeEach
    void fixture() {
        records = new DuplicateFixture(api);
    }

    @AfterEach
    void defaults() {
        put(Map.of()).expect(200);
    }

    @Test
    void theDefaultsApplyUntilAnAdminChangesThem() {
        JsonNode settings = get().expect(200).json();
        assertThat(settings.get("personNameThreshold").asDouble()).isEqualTo(0.9);
        assertThat(settings.get("companyNameThreshold").asDouble()).isEqualTo(0.92);
        assertThat(settings.get("candidateThreshold").asDouble()).isEqualTo(0.6);
        assertThat(settings.get("signals").get("phone").asBoolean()).isTrue();
        assertThat(settings.get("gmailDots").asBoolean()).isTrue();

        Api.Response changed = put(Map.of(
                        "candidateThreshold", 0.75, "signals", Map.of("phone", false), "defaultRegion", "FR"))
                .expect(200);
        assertThat(changed.json().get("candidateThreshold").asDouble()).isEqualTo(0.75);
        assertThat(changed.json().get("signals").get("phone").asBoolean()).isFalse();
        assertThat(changed.json().get("signals").get("email").asBoolean()).isTrue();
        assertThat(get().json().get("defaultRegion").asText()).isEqualTo("FR");
        assertThat(get().header("ETag")).isEqualTo(changed.header("ETag"));
        Api.Response stale = put("\"0\"", Map.of());
        assertThat(stale.status()).as("a stale ETag").isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("type").asText()).endsWith("precondition-failed");
        assertThat(stale.json().get("currentETag").asText())
                .isEqualTo(changed.header("ETag").orElseThrow());
        assertThat(get().json().get("candidateThreshold").asDouble()).isEqualTo(0.75);
    }

    @Test
    void theSecondChangeMadeWithTheSameETagIsRefused() {
        String etag = get().header("ETag").orElseThrow();

        put(etag, Map.of("candidateThreshold", 0.7)).expect(200);
        Api.Response second = put(etag, Map.of("candidateThreshold", 0.8));

        assertThat(second.status()).isEqualTo(412);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(get().json().get("candidateThreshold").asDouble()).isEqualTo(0.7);
    }

    @Test
    void aChangeWithTheSameETagAsOneInProgressWaitsForItAndIsRefused() throws Exception {
        put(Map.of("candidateThreshold", 0.65)).expect(200);
        String etag = get().header("ETag").orElseThrow();
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DuplicateSettings> inProgress = pool.submit(() -> inTenant.call("globex", () -> {
                DuplicateSettings first =
                        service.replace(objectMapper.createObjectNode().put("candidateThreshold", 0.7), etag);
                saved.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return first;
            }));
            assertThat(saved.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Api.Response> second = pool.submit(() -> put(etag, Map.of("candidateThreshold", 0.8)));
            Thread.sleep(1000);
            assertThat(second.isDone()).as("waits for the change in progress").isFalse();
            commit.countDown();

            assertThat(inProgress.get(60, TimeUnit.SECONDS).candidateThreshold())
                    .isEqualTo(0.7);
            Api.Response refused = second.get(60, TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.body()).isEqualTo(412);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(get().json().get("candidateThreshold").asDouble()).isEqualTo(0.7);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedIfMatchIsA400NamingIt() {
        String etag = get().header("ETag").orElseThrow();

        Api.Response malformed = put("abc", Map.of("candidateThreshold", 0.8));

        assertField(malformed, "If-Match");
        assertThat(malformed.json().get("errors").get(0).get("message").asText())
                .contains("entity tag in quotes");
        assertField(put(etag.replace("\"", ""), Map.of("candidateThreshold", 0.8)), "If-Match");
        assertThat(get().header("ETag")).contains(etag);
        put("W/" + etag + ", \"999\"", Map.of()).expect(200);
    }

    @Test
    void onlyWhoManagesTheTenantReadsAndChangesTheSettings() {
        assertThat(api.as("globex", "rep@globex.test", "GET", "/api/v1/duplicates/settings")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("globex", "rep@globex.test", "PUT", "/api/v1/duplicates/settings")
                        .json(Map.of())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badSettingsNameTheFieldAndChangeNothing() {
        put(Map.of("candidateThreshold", 0.7)).expect(200);
        String etag = get().header("ETag").orElseThrow();

        assertField(put(Map.of("personNameThreshold", 1.5)), "personNameThreshold");
        assertField(put(Map.of("candidateThreshold", "high")), "candidateThreshold");
        assertField(put(Map.of("signals", Map.of("fax", true))), "signals.fax");
        assertField(put(Map.of("signals", Map.of("email", "yes"))), "signals.email");
        assertField(put(Map.of("gmailDots", "yes")), "gmailDots");
        assertField(put(Map.of("defaultRegion", "XX")), "defaultRegion");
        assertField(put(Map.of("colour", "red")), "colour");
        assertField(put(Map.of("personNameThreshold", -0.1)), "personNameThreshold");
        assertField(put(Map.of("companyNameThreshold", -1)), "companyNameThreshold");
        assertField(put(Map.of("candidateThreshold", -0.01)), "candidateThreshold");
        assertField(put(Map.of("companyNameThreshold", 1.01)), "companyNameThreshold");
        assertField(put(Map.of("candidateThreshold", 2)), "candidateThreshold");
        Api.Response tooHigh = put(Map.of("personNameThreshold", 1.5));
        assertThat(tooHigh.json().get("errors").get(0).get("message").asText())
                .isEqualTo("must be a number from 0 to 1");
        assertField(put(Map.of("signals", "email")), "signals");
        assertField(put(Map.of("signals", List.of("email"))), "signals");
        assertField(putRaw("[]"), "body");
        assertField(putRaw("\"settings\""), "body");
        assertField(putRaw("42"), "body");

        assertThat(get().header("ETag")).contains(etag);
        assertThat(get().json().get("candidateThreshold").asDouble()).isEqualTo(0.7);
    }

    @Test
    void theThresholdsDecideWhatIsACandidate() {
        String last = uniqueWord();
        String marguerite = lead(Map.of("firstName", "Marguerite", "lastName", last + "sloot"));
        String margarete = lead(Map.of("firstName", "Marguerite", "lastName", last + "slot"));

        assertThat(candidate(marguerite, margarete))
                .as("a similar name alone is not enough by default")
                .isNull();

        put(Map.of("candidateThreshold", 0.5)).expect(200);
        JsonNode match = candidate(marguerite, margarete);
        assertThat(match.get("reasons").findValuesAsText("reason")).containsExactly("similar_name");
        assertThat(match.get("similarity").asDouble()).isBetween(0.5, 0.6);

        put(Map.of("candidateThreshold", 0.5, "personNameThreshold", 0.995)).expect(200);
        assertThat(candidate(marguerite, margarete))
                .as("the names are not that alike")
                .isNull();
    }

    @Test
    void theSignalsAndTheEmailNormalisationDecideWhatCounts() {
        String local = unique();
        String dotted = lead(
                Map.of("lastName", uniqueWord(), "email", local.charAt(0) + "." + local.substring(1) + "@gmail.com"));
        String plain = lead(Map.of("lastName", uniqueWord(), "email", local + "@gmail.com"));
        assertThat(candidate(dotted, plain)).isNotNull();

        put(Map.of("gmailDots", false)).expect(200);
        assertThat(candidate(dotted, plain))
                .as("dots count in Gmail addresses now")
                .isNull();

        String same = lead(Map.of("lastName", uniqueWord(), "email", local + "@gmail.com"));
        assertThat(candidate(plain, same)).isNotNull();
        put(Map.of("signals", Map.of("email", false))).expect(200);
        assertThat(candidate(plain, same)).as("emails do not count").isNull();
    }

    private String lead(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("source", "api");
        return records.create("globex", ADMIN, "leads", body);
    }

    private JsonNode candidate(String of, String candidate) {
        return find(records.duplicates("globex", ADMIN, "leads", of), candidate);
    }

    private Api.Response get() {
        return api.as("globex", ADMIN, "GET", "/api/v1/duplicates/settings").send();
    }

    private Api.Response put(String ifMatch, Map<String, Object> body) {
        return api.as("globex", ADMIN, "PUT", "/api/v1/duplicates/settings")
                .header("If-Match", ifMatch)
                .json(body)
                .send();
    }

    private Api.Response putRaw(String json) {
        return api.as("globex", ADMIN, "PUT", "/api/v1/duplicates/settings")
                .json(json)
                .send();
    }

    private Api.Response put(Map<String, Object> body) {
        return api.as("globex", ADMIN, "PUT", "/api/v1/duplicates/settings")
                .json(body)
                .send();
    }
}
