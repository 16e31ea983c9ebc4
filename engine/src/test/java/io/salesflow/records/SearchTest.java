package io.salesflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SearchTest {

    @Autowired
    Api api;

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
    void anEmptyQueryIsAFieldError() {
        Api.Response r = api.as("acme", "rep@acme.test", "GET", "/api/v1/search?q=%20")
                .send()
                .expect(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
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
