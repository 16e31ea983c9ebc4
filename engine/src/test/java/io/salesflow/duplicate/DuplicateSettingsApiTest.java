package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.find;
import static io.salesflow.duplicate.DuplicateFixture.unique;
import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
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
        assertThat(api.as("globex", ADMIN, "PUT", "/api/v1/duplicates/settings")
                        .header("If-Match", "\"0\"")
                        .json(Map.of())
                        .send()
                        .status())
                .as("a stale ETag")
                .isEqualTo(412);
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

    private Api.Response put(Map<String, Object> body) {
        return api.as("globex", ADMIN, "PUT", "/api/v1/duplicates/settings")
                .json(body)
                .send();
    }
}
