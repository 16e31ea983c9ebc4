package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.find;
import static io.salesflow.duplicate.DuplicateFixture.unique;
import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/{leads|contacts|accounts}/{id}/duplicates}: candidates by email, phone, company domain and
 * similar names, with the reasons and the similarity; only records the caller may read, never another tenant's.
 */
@IntegrationTest
class DuplicateCandidatesTest {

    @Autowired
    Api api;

    private DuplicateFixture records;

    @BeforeEach
    void fixture() {
        records = new DuplicateFixture(api);
    }

    @Test
    void leadsWithTheSameEmailWrittenDifferentlyAreCandidates() {
        String local = unique();
        String original = records.create(
                "rep@acme.test",
                "leads",
                Map.of(
                        "firstName",
                        "Jo",
                        "lastName",
                        uniqueWord(),
                        "email",
                        local.charAt(0) + "." + local.substring(1) + "+crm@gmail.com",
                        "source",
                        "api"));
        String copy = records.create(
                "rep@acme.test",
                "leads",
                Map.of(
                        "firstName",
                        "Joanne",
                        "lastName",
                        uniqueWord(),
                        "email",
                        local + "@googlemail.com",
                        "source",
                        "api"));

        JsonNode match = find(records.duplicates("rep@acme.test", "leads", original), copy);

        assertThat(match).isNotNull();
        assertThat(match.get("title").asText()).startsWith("Joanne ");
        assertThat(match.get("similarity").asDouble()).isEqualTo(0.95);
        assertThat(match.get("reasons")).hasSize(1);
        assertThat(match.get("reasons").get(0).get("reason").asText()).isEqualTo("same_email");
        assertThat(match.get("reasons").get(0).get("detail").asText()).isEqualTo(local + "@gmail.com");
    }

    @Test
    void aNationalPhoneNumberMatchesTheSameNumberWrittenInternationally() {
        String number = String.valueOf(1_000_000 + (int) (Math.random() * 8_999_999));
        String national = records.create(
                "rep@acme.test",
                "leads",
                Map.of("lastName", uniqueWord(), "phone", "030 " + number, "country", "DE", "source", "api"));
        String international = records.create(
                "rep@acme.test", "contacts", Map.of("lastName", uniqueWord(), "phone", "+49 30 " + number));
        String sameLead = records.create(
                "rep@acme.test",
                "leads",
                Map.of("lastName", uniqueWord(), "phone", "+49 (30) " + number, "source", "api"));

        JsonNode candidates = records.duplicates("rep@acme.test", "leads", national);

        assertThat(find(candidates, international)).as("contacts are not leads").isNull();
        JsonNode match = find(candidates, sameLead);
        assertThat(match.get("similarity").asDouble()).isEqualTo(0.85);
        assertThat(match.get("reasons").get(0).get("reason").asText()).isEqualTo("same_phone");
        assertThat(match.get("reasons").get(0).get("detail").asText()).isEqualTo("+4930" + number);
    }

    @Test
    void accountsMatchOnTheirCompanyDomainAndName() {
        String word = uniqueWord();
        String domain = word.toLowerCase() + ".de";
        String gmbh = records.create(
                "rep@acme.test",
                "accounts",
                Map.of("name", word + " Widgets GmbH", "website", "https://www." + domain));
        String plain = records.create(
                "rep@acme.test", "accounts", Map.of("name", word.toUpperCase() + " Widgets", "domain", domain));
        String other = records.create("rep@acme.test", "accounts", Map.of("name", "Other " + word));

        JsonNode candidates = records.duplicates("rep@acme.test", "accounts", gmbh);

        JsonNode match = find(candidates, plain);
        assertThat(match.get("similarity").asDouble()).isEqualTo(0.9);
        assertThat(match.get("reasons").findValuesAsText("reason"))
                .containsExactly("same_domain", "similar_company_name");
        assertThat(find(candidates, other)).isNull();
    }

    @Test
    void colleaguesWithSimilarNamesAreCandidatesWithTheNameSimilarity() {
        String domain = unique() + ".io";
        String last = uniqueWord();
        String jonathan = records.create(
                "rep@acme.test",
                "contacts",
                Map.of("firstName", "Jonathan", "lastName", last, "email", "jonathan@" + domain));
        String jonathon = records.create(
                "rep@acme.test",
                "contacts",
                Map.of("firstName", "Jonathon", "lastName", last, "email", "j." + last.toLowerCase() + "@" + domain));
        String colleague = records.create(
                "rep@acme.test",
                "contacts",
                Map.of("firstName", "Wilhelmina", "lastName", "Ng", "email", "w@" + domain));

        JsonNode candidates = records.duplicates("rep@acme.test", "contacts", jonathan);

        JsonNode match = find(candidates, jonathon);
        assertThat(match.get("reasons").findValuesAsText("reason")).containsExactly("same_domain", "similar_name");
        double nameSimilarity = match.get("reasons").get(1).get("similarity").asDouble();
        assertThat(nameSimilarity).isBetween(0.9, 0.99);
        assertThat(match.get("similarity").asDouble())
                .isEqualTo(Math.round((1 - 0.65 * (1 - 0.6 * nameSimilarity)) * 1000) / 1000.0);
        assertThat(find(candidates, colleague))
                .as("a colleague is no duplicate")
                .isNull();
    }

    /**
     * A company word on more records than one word brings in (260 leads of one company) neither hides the
     * duplicate that shares a rare surname nor outranks it: a word weighs less the more records it is on.
     */
    @Test
    void aRareSharedSurnameOutranksACompanyNameOnHundredsOfRecords() {
        String company = uniqueWord();
        StringBuilder csv = new StringBuilder("First Name,Last Name,Company\n");
        for (int i = 0; i < 260; i++) {
            csv.append("Kim,").append(uniqueWord()).append(',').append(company).append('\n');
        }
        String job = api.as("acme", "admin@acme.test", "POST", "/api/v1/imports")
                .multipart(new Multipart()
                        .field("recordType", "leads")
                        .file("file", "staff.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> api.as("acme", "admin@acme.test", "GET", "/api/v1/imports/" + job)
                        .send()
                        .expect(200)
                        .json()
                        .get("status")
                        .asText()
                        .equals("completed"));
        String surname = uniqueWord();
        String original = records.create(
                "admin@acme.test",
                "leads",
                Map.of("firstName", "Annika", "lastName", surname, "company", company, "source", "api"));
        String copy = records.create(
                "admin@acme.test",
                "leads",
                Map.of("firstName", "Anika", "lastName", surname, "company", company, "source", "api"));

        JsonNode candidates = records.duplicates("admin@acme.test", "leads", original);

        assertThat(find(candidates, copy))
                .as("the namesake %s among the candidates of %s: %s", copy, original, candidates)
                .isNotNull();
        assertThat(candidates.get(0).get("id").asText()).isEqualTo(copy);
    }

    @Test
    void aContactMatchesOnAnyOfItsEmails() {
        String domain = unique() + ".io";
        String first = records.create(
                "rep@acme.test",
                "contacts",
                Map.of("lastName", uniqueWord(), "emails", List.of("main@" + domain, "old@" + domain)));
        String second =
                records.create("rep@acme.test", "contacts", Map.of("lastName", uniqueWord(), "email", "old@" + domain));

        JsonNode match = find(records.duplicates("rep@acme.test", "contacts", second), first);

        assertThat(match.get("reasons").findValuesAsText("detail")).contains("old@" + domain);
    }

    @Test
    void onlyRecordsTheCallerMayReadAreCandidatesAndDeletedOnesAreNone() {
        String email = unique() + "@scope.test";
        String rep = records.userId("acme", "rep@acme.test");
        String marketing = records.userId("acme", "marketing@acme.test");
        String mine = records.create(
                "admin@acme.test",
                "leads",
                Map.of("lastName", uniqueWord(), "email", email, "source", "api", "ownerId", rep));
        String outOfScope = records.create(
                "admin@acme.test",
                "leads",
                Map.of("lastName", uniqueWord(), "email", email, "source", "api", "ownerId", marketing));
        String deleted = records.create(
                "rep@acme.test", "leads", Map.of("lastName", uniqueWord(), "email", email, "source", "api"));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/leads/" + deleted)
                .send()
                .expect(204);

        assertThat(records.duplicates("rep@acme.test", "leads", mine).findValuesAsText("id"))
                .doesNotContain(outOfScope, deleted);
        assertThat(records.duplicates("admin@acme.test", "leads", mine).findValuesAsText("id"))
                .contains(outOfScope)
                .doesNotContain(deleted);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + outOfScope + "/duplicates")
                        .send()
                        .status())
                .as("the subject must be readable")
                .isEqualTo(404);
        assertThat(api.as("acme", "support@acme.test", "GET", "/api/v1/leads/" + mine + "/duplicates")
                        .send()
                        .status())
                .as("support may not read leads")
                .isEqualTo(403);
    }

    @Test
    void anotherTenantsRecordsAreNeverCandidatesAndItsCallersGet404() {
        String email = unique() + "@tenants.test";
        String acme =
                records.create("admin@acme.test", "leads", Map.of("lastName", "Acme", "email", email, "source", "api"));
        String globex = records.create(
                "globex", "admin@globex.test", "leads", Map.of("lastName", "Globex", "email", email, "source", "api"));

        assertThat(records.duplicates("admin@acme.test", "leads", acme).findValuesAsText("id"))
                .doesNotContain(globex);
        assertThat(records.duplicates("globex", "admin@globex.test", "leads", globex)
                        .findValuesAsText("id"))
                .doesNotContain(acme);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/leads/" + acme + "/duplicates")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anUnknownIdIs404AndABadIdOrLimitA400NamingIt() {
        String lead = records.create(
                "rep@acme.test",
                "leads",
                Map.of("lastName", uniqueWord(), "email", unique() + "@x.test", "source", "api"));
        String unknown = UUID.randomUUID().toString();

        Api.Response notFound = duplicates("/api/v1/leads/" + unknown + "/duplicates");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(notFound.json().get("detail").asText()).contains(unknown);

        Api.Response badId = duplicates("/api/v1/leads/not-a-uuid/duplicates");
        assertField(badId, "id");
        assertThat(badId.json().get("errors").get(0).get("message").asText()).contains("not-a-uuid");
        for (String limit : List.of("0", "101", "-1", "many")) {
            Api.Response badLimit = duplicates("/api/v1/leads/" + lead + "/duplicates?limit=" + limit);
            assertField(badLimit, "limit");
        }
        assertThat(duplicates("/api/v1/leads/" + lead + "/duplicates?limit=100").status())
                .isEqualTo(200);
        assertThat(duplicates("/api/v1/leads/" + lead + "/duplicates?limit=1").status())
                .isEqualTo(200);
    }

    private Api.Response duplicates(String path) {
        return api.as("acme", "rep@acme.test", "GET", path).send();
    }
}
