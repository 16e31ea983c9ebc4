package io.salesflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SearchTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void misspelledNamesStillFindTheRecordRankedFirst() {
        String marker = "Qx" + UUID.randomUUID().toString().substring(0, 5);
        String lead = create(
                "rep@acme.test",
                "/api/v1/leads",
                Map.of("firstName", "John", "lastName", "Smith", "company", marker + " Holdings", "source", "event"));
        create("rep@acme.test", "/api/v1/leads", Map.of("firstName", "Joan", "lastName", "Smythe", "source", "event"));
        create("rep@acme.test", "/api/v1/accounts", Map.of("name", "Smith & Sons " + marker));

        JsonNode hits = search("rep@acme.test", "Jhon Smiht");
        assertThat(hits.get(0).get("id").asText()).isEqualTo(lead);
        assertThat(hits.get(0).get("type").asText()).isEqualTo("lead");
        assertThat(hits.get(0).get("title").asText()).isEqualTo("John Smith");

        JsonNode byCompany = search("rep@acme.test", marker.toLowerCase());
        assertThat(byCompany.findValuesAsText("type")).contains("lead", "account");
        JsonNode onlyAccounts = api.as("acme", "rep@acme.test", "GET", "/api/v1/search?q=" + marker + "&types=account")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(onlyAccounts.findValuesAsText("type")).containsOnly("account");
    }

    @Test
    void searchFindsOnlyWhatTheCallerMayReadAndNothingDeleted() {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String marketingLead =
                create("marketing@acme.test", "/api/v1/leads", Map.of("company", marker, "source", "social"));
        assertThat(search("marketing@acme.test", marker).findValuesAsText("id")).contains(marketingLead);
        assertThat(search("rep@acme.test", marker).findValuesAsText("id"))
                .as("outside the rep's team")
                .doesNotContain(marketingLead);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/search?q=" + marker)
                        .send()
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
        api.as("acme", "marketing@acme.test", "DELETE", "/api/v1/leads/" + marketingLead)
                .send()
                .expect(204);
        assertThat(search("marketing@acme.test", marker).findValuesAsText("id")).doesNotContain(marketingLead);
    }

    @Test
    void fullTextFindsOtherFormsOfAWordAndRenamedRecordsAreFoundByTheirNewName() {
        String marker = "Wv" + UUID.randomUUID().toString().substring(0, 6);
        String account = create("rep@acme.test", "/api/v1/accounts", Map.of("name", marker + " Consultants"));
        assertThat(search("rep@acme.test", marker + " consulting").findValuesAsText("id"))
                .as("'consulting' and 'Consultants' share their English stem")
                .contains(account);

        JsonNode read = api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + account)
                .send()
                .expect(200)
                .json();
        api.as("acme", "rep@acme.test", "PATCH", "/api/v1/accounts/" + account)
                .header("If-Match", "\"" + read.get("version").asText() + "\"")
                .json(Map.of("name", marker + " Kowalczyk Partners"))
                .send()
                .expect(200);
        assertThat(search("rep@acme.test", "Kowalcyzk " + marker).findValuesAsText("id"))
                .as("the new name's words reached the dictionary, so a typo in them still matches")
                .contains(account);
        assertThat(search("rep@acme.test", marker + " consultants").findValuesAsText("id"))
                .as("the old name's words no longer point at the account")
                .doesNotContain(account);
    }

    @Test
    void aPurgedRecordLeavesNothingInTheSearchPostings() {
        String account = create("rep@acme.test", "/api/v1/accounts", Map.of("name", "Purgeable Widgets"));
        String count = "SELECT count(*) FROM search_postings WHERE record_type = 'account' AND record_id = ?::uuid";
        assertThat(inTenant.call("acme", () -> jdbc.queryForObject(count, Long.class, account)))
                .as("its words and their stems")
                .isEqualTo(4);
        inTenant.run("acme", () -> jdbc.update("DELETE FROM accounts WHERE id = ?::uuid", account));
        assertThat(inTenant.call("acme", () -> jdbc.queryForObject(count, Long.class, account)))
                .isZero();
    }

    @Test
    void anEmptyQueryIsAFieldError() {
        Api.Response r = api.as("acme", "rep@acme.test", "GET", "/api/v1/search?q=%20")
                .send()
                .expect(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    /**
     * A word many records start with: only a bounded number of them is scored, and the record carrying the
     * word exactly is among them (looked at first), so it still ranks first.
     */
    @Test
    void anExactMatchRanksFirstAmongManyRecordsStartingWithTheWord() {
        String word = "qv" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        int starting = RecordSearch.MAX_CANDIDATES * 3;
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        """
                INSERT INTO leads (tenant_id, id, last_name, company, source, status, owner_id)
                SELECT app_current_tenant(), gen_random_uuid(), ? || 'son' || g, 'Bulk ' || g, 'event', 'new',
                       (SELECT id FROM users WHERE email = 'admin@acme.test')
                FROM generate_series(1, ?) g
                """,
                        word,
                        starting));
        String exact = create("admin@acme.test", "/api/v1/leads", Map.of("lastName", word, "source", "event"));

        JsonNode hits = search("admin@acme.test", word);
        assertThat(hits.get(0).get("id").asText()).isEqualTo(exact);
        assertThat(hits.size()).isGreaterThan(1);
    }

    private String create(String email, String path, Map<String, Object> body) {
        return api.as("acme", email, "POST", path)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private JsonNode search(String email, String q) {
        return api.as("acme", email, "GET", "/api/v1/search?q=" + q.replace(" ", "%20"))
                .send()
                .expect(200)
                .json()
                .get("items");
    }
}
