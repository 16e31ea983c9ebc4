package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoCustomFieldsTest {

    @Autowired
    Api api;

    @Autowired
    DemoData demoData;

    @Test
    void acmeLeadsHaveABudgetAndAccountsATierToFilterAndSortBy() {
        JsonNode fields = api.as("acme", "rep@acme.test", "GET", "/api/v1/custom-fields?archived=false")
                .send()
                .expect(200)
                .json();
        assertThat(fields.findValuesAsText("key")).contains("budget", "tier");

        JsonNode big = api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/leads?customFields.budget[gte]=90000&sort=-customFields.budget&limit=200")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(big).isNotEmpty();
        assertThat(big.get(0).get("customFields").get("budget").asInt()).isGreaterThanOrEqualTo(90_000);
        JsonNode strategic = api.as(
                        "acme", "admin@acme.test", "GET", "/api/v1/accounts?customFields.tier=strategic&limit=200")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(strategic).hasSizeGreaterThanOrEqualTo(10);

        JsonNode globex = api.as("globex", "admin@globex.test", "GET", "/api/v1/custom-fields")
                .send()
                .expect(200)
                .json();
        assertThat(globex.findValuesAsText("key")).doesNotContain("budget", "tier");
    }

    @Test
    void loadingAgainChangesNoValue() {
        JsonNode before = budgets();
        demoData.load(Api.DEMO_PASSWORD);
        assertThat(budgets()).isEqualTo(before);
    }

    private JsonNode budgets() {
        return api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/leads?customFields.budget[isNull]=false&fields=customFields&sort=createdAt&limit=200")
                .send()
                .expect(200)
                .json()
                .get("items");
    }
}
