package io.salesflow.customfield;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CustomFieldValuesTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountTakesAPicklistValueInAnyCaseAndNothingElse() {
        String tier = CustomFieldFixture.key("tier");
        fields().define("account", tier, "picklist", Map.of("options", List.of("Gold", "Silver")));
        RecordEndpoint accounts = new RecordEndpoint(api, "/api/v1/accounts");

        JsonNode account = accounts.create(
                        "rep@acme.test", Map.of("name", "Tiered", "customFields", Map.of(tier, "gold")))
                .expect(201)
                .json();
        assertThat(account.get("customFields").get(tier).asText()).isEqualTo("Gold");

        int before = count("accounts");
        Api.Response platinum = accounts.create(
                "rep@acme.test", Map.of("name", "Not tiered", "customFields", Map.of(tier, "Platinum")));
        assertField(platinum, "customFields." + tier);
        assertThat(platinum.json().get("errors").get(0).get("message").asText()).contains("Gold", "Silver");
        assertField(
                accounts.create("rep@acme.test", Map.of("name", "Unknown", "customFields", Map.of("colour", "red"))),
                "customFields.colour");
        assertField(accounts.create("rep@acme.test", Map.of("name", "Flat", "customFields", "gold")), "customFields");
        assertThat(count("accounts")).isEqualTo(before);
    }

    @Test
    void aContactTakesOnlyRealDatesAndBooleans() {
        String since = CustomFieldFixture.key("since");
        String newsletter = CustomFieldFixture.key("news");
        fields().define("contact", since, "date", Map.of());
        fields().define("contact", newsletter, "boolean", Map.of());
        RecordEndpoint contacts = new RecordEndpoint(api, "/api/v1/contacts");

        int before = count("contacts");
        assertField(
                contacts.create(
                        "rep@acme.test", Map.of("lastName", "Date", "customFields", Map.of(since, "2025-02-30"))),
                "customFields." + since);
        assertField(
                contacts.create("rep@acme.test", Map.of("lastName", "Date", "customFields", Map.of(since, 20250101))),
                "customFields." + since);
        assertField(
                contacts.create("rep@acme.test", Map.of("lastName", "Bool", "customFields", Map.of(newsletter, "yes"))),
                "customFields." + newsletter);
        assertField(
                contacts.create("rep@acme.test", Map.of("lastName", "Bool", "customFields", Map.of(newsletter, 1))),
                "customFields." + newsletter);
        assertThat(count("contacts")).isEqualTo(before);

        JsonNode contact = contacts.create(
                        "rep@acme.test",
                        Map.of("lastName", "Typed", "customFields", Map.of(since, "2024-03-01", newsletter, true)))
                .expect(201)
                .json();
        assertThat(contact.get("customFields").get(since).asText()).isEqualTo("2024-03-01");
        assertThat(contact.get("customFields").get(newsletter).isBoolean()).isTrue();
    }

    @Test
    void aLeadNumberMismatchNamesTheFieldAndChangesMergeKeyByKey() {
        String budget = CustomFieldFixture.key("budget");
        String note = CustomFieldFixture.key("note");
        fields().define("lead", budget, "number", Map.of());
        fields().define("lead", note, "text", Map.of());
        RecordEndpoint leads = new RecordEndpoint(api, "/api/v1/leads");

        int before = count("leads");
        Api.Response mismatch = leads.create(
                "rep@acme.test", Map.of("company", "Mismatch", "source", "api", "customFields", Map.of(budget, "abc")));
        assertField(mismatch, "customFields." + budget);
        assertThat(mismatch.json().get("errors").get(0).get("message").asText()).contains("must be a number");
        assertThat(count("leads")).isEqualTo(before);

        Api.Response created = leads.create(
                "rep@acme.test",
                Map.of(
                        "company",
                        "Budgeted",
                        "source",
                        "api",
                        "customFields",
                        Map.of(budget, new java.math.BigDecimal("123456789012345.25"), note, "call back")));
        JsonNode lead = created.expect(201).json();
        String id = lead.get("id").asText();
        assertThat(lead.get("customFields").get(budget).decimalValue()).isEqualByComparingTo("123456789012345.25");

        String etag = created.header("ETag").orElseThrow();
        Map<String, Object> clearNote = new HashMap<>();
        clearNote.put(note, null);
        JsonNode patched = leads.patch("rep@acme.test", id, Map.of("customFields", clearNote), etag)
                .expect(200)
                .json();
        assertThat(patched.get("customFields").has(note)).isFalse();
        assertThat(patched.get("customFields").get(budget).decimalValue()).isEqualByComparingTo("123456789012345.25");

        JsonNode unchanged = leads.patch(
                        "rep@acme.test", id, Map.of("customFields", Map.of(budget, "123456789012345.25")), null)
                .expect(200)
                .json();
        assertThat(unchanged.get("version").asLong())
                .isEqualTo(patched.get("version").asLong());

        assertField(
                leads.patch("rep@acme.test", id, Map.of("customFields", Map.of(budget, "lots")), null),
                "customFields." + budget);
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        JsonNode noteChange = history.get(0);
        assertThat(noteChange.get("field").asText()).isEqualTo("customFields." + note);
        assertThat(noteChange.get("before").asText()).isEqualTo("call back");
        assertThat(noteChange.get("after").isNull()).isTrue();
        assertThat(history.findValuesAsText("field")).contains("customFields." + budget);
    }

    @Test
    void aDealLookupPointsOnlyAtARecordTheCallerMayReadOrAnActiveUser() {
        String partner = CustomFieldFixture.key("partner");
        String champion = CustomFieldFixture.key("champ");
        fields().define("deal", partner, "lookup", Map.of("lookupTarget", "account"));
        fields().define("deal", champion, "lookup", Map.of("lookupTarget", "user"));
        RecordEndpoint accounts = new RecordEndpoint(api, "/api/v1/accounts");
        RecordEndpoint deals = new RecordEndpoint(api, "/api/v1/deals");
        String mine = accounts.create("rep@acme.test", Map.of("name", "Partner Inc"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String hidden = accounts.create("admin@acme.test", Map.of("name", "Hidden Partner"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String rep2 = api.as("acme", "rep2@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();

        int before = count("deals");
        for (Object bad : List.of(hidden, UUID.randomUUID().toString(), "not-an-id", 42)) {
            assertField(deals.create("rep@acme.test", deal(Map.of(partner, bad))), "customFields." + partner);
        }
        assertField(
                deals.create(
                        "rep@acme.test", deal(Map.of(champion, UUID.randomUUID().toString()))),
                "customFields." + champion);
        assertThat(count("deals")).isEqualTo(before);

        JsonNode deal = deals.create("rep@acme.test", deal(Map.of(partner, mine, champion, rep2)))
                .expect(201)
                .json();
        assertThat(deal.get("customFields").get(partner).asText()).isEqualTo(mine);
        assertThat(deal.get("customFields").get(champion).asText()).isEqualTo(rep2);
    }

    @Test
    void aRequiredFieldIsNeededOnCreateAndCannotBeCleared() {
        String region = CustomFieldFixture.key("region");
        JsonNode definition = fields().define("lead", region, "text", Map.of("required", true));
        RecordEndpoint leads = new RecordEndpoint(api, "/api/v1/leads");
        try {
            int before = count("leads");
            assertField(
                    leads.create("rep@acme.test", Map.of("company", "No region", "source", "api")),
                    "customFields." + region);
            assertField(
                    leads.create(
                            "rep@acme.test",
                            Map.of("company", "Blank region", "source", "api", "customFields", Map.of(region, "  "))),
                    "customFields." + region);
            assertThat(count("leads")).isEqualTo(before);
            String id = leads.create(
                            "rep@acme.test",
                            Map.of("company", "Regional", "source", "api", "customFields", Map.of(region, "North")))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText();
            Map<String, Object> clear = new HashMap<>();
            clear.put(region, null);
            assertField(
                    leads.patch("rep@acme.test", id, Map.of("customFields", clear), null), "customFields." + region);
            leads.patch("rep@acme.test", id, Map.of("title", "CTO"), null).expect(200);
        } finally {
            fields().archive(definition);
        }
        leads.create("rep@acme.test", Map.of("company", "After archive", "source", "api"))
                .expect(201);
    }

    @Test
    void leadConversionChecksTheCustomValuesOfWhatItCreates() {
        String segment = CustomFieldFixture.key("segment");
        JsonNode definition = fields().define("account", segment, "text", Map.of("required", true));
        RecordEndpoint leads = new RecordEndpoint(api, "/api/v1/leads");
        try {
            String id = leads.create("rep@acme.test", Map.of("company", "Convertible Co", "source", "api"))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText();
            leads.patch("rep@acme.test", id, Map.of("status", "contacted"), null)
                    .expect(200);
            leads.patch("rep@acme.test", id, Map.of("status", "qualified"), null)
                    .expect(200);
            String convert = "/api/v1/leads/" + id + "/convert";
            assertField(
                    api.as("acme", "rep@acme.test", "POST", convert)
                            .json(Map.of())
                            .send(),
                    "account.customFields." + segment);
            JsonNode converted = api.as("acme", "rep@acme.test", "POST", convert)
                    .json(Map.of("account", Map.of("customFields", Map.of(segment, "Mid-market"))))
                    .send()
                    .expect(200)
                    .json();
            JsonNode account = new RecordEndpoint(api, "/api/v1/accounts")
                    .get("rep@acme.test", converted.get("accountId").asText());
            assertThat(account.get("customFields").get(segment).asText()).isEqualTo("Mid-market");
        } finally {
            fields().archive(definition);
        }
    }

    @Test
    void anArchivedFieldKeepsItsValuesButTakesNoNewOnes() {
        String legacy = CustomFieldFixture.key("legacy");
        JsonNode definition = fields().define("account", legacy, "text", Map.of());
        RecordEndpoint accounts = new RecordEndpoint(api, "/api/v1/accounts");
        String id = accounts.create("rep@acme.test", Map.of("name", "Legacy Co", "customFields", Map.of(legacy, "old")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        fields().archive(definition);

        assertThat(accounts.get("rep@acme.test", id)
                        .get("customFields")
                        .get(legacy)
                        .asText())
                .isEqualTo("old");
        assertField(
                accounts.patch("rep@acme.test", id, Map.of("customFields", Map.of(legacy, "new")), null),
                "customFields." + legacy);
        accounts.patch("rep@acme.test", id, Map.of("customFields", Map.of(legacy, "old")), null)
                .expect(200);
        Map<String, Object> clear = new HashMap<>();
        clear.put(legacy, null);
        JsonNode cleared = accounts.patch("rep@acme.test", id, Map.of("customFields", clear), null)
                .expect(200)
                .json();
        assertThat(cleared.get("customFields").has(legacy)).isFalse();
    }

    @Test
    void anotherWorkspacesDefinitionsDoNotApply() {
        String budget = CustomFieldFixture.key("budget");
        fields().define("lead", budget, "number", Map.of());
        Api.Response globex = api.as("globex", "admin@globex.test", "POST", "/api/v1/leads")
                .json(Map.of("company", "Globex lead", "source", "api", "customFields", Map.of(budget, 10)))
                .send();
        assertField(globex, "customFields." + budget);
        assertField(
                api.as("globex", "admin@globex.test", "GET", "/api/v1/leads?customFields." + budget + "=10")
                        .send(),
                "customFields." + budget);

        fields().define("globex", "lead", budget, "text", Map.of());
        JsonNode lead = api.as("globex", "admin@globex.test", "POST", "/api/v1/leads")
                .json(Map.of("company", "Globex lead", "source", "api", "customFields", Map.of(budget, "ten")))
                .send()
                .expect(201)
                .json();
        assertThat(lead.get("customFields").get(budget).asText()).isEqualTo("ten");
        assertField(
                api.as("globex", "admin@globex.test", "GET", "/api/v1/leads?customFields." + budget + "[gt]=5")
                        .send(),
                "customFields." + budget + "[gt]");
    }

    @Test
    void aRecordWithoutValuesShowsAnEmptyObject() {
        JsonNode account = new RecordEndpoint(api, "/api/v1/accounts")
                .create("rep@acme.test", Map.of("name", "Plain"))
                .expect(201)
                .json();
        assertThat(account.get("customFields").isObject()).isTrue();
        assertThat(account.get("customFields").size()).isZero();
    }

    private static Map<String, Object> deal(Map<String, Object> customFields) {
        return Map.of("name", "Looked up", "amount", 100, "currency", "EUR", "customFields", customFields);
    }

    private CustomFieldFixture fields() {
        return new CustomFieldFixture(api);
    }

    private int count(String table) {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class));
    }
}
