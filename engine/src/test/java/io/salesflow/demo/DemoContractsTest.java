package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo workspace has a contract template and a contract, with line items, ready for the rep to send. */
@IntegrationTest
class DemoContractsTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRepHasAGeneratedContractWhoseChainVerifies() {
        JsonNode templates = api.as("acme", "admin@acme.test", "GET", "/api/v1/contracts/templates")
                .send()
                .expect(200)
                .json();
        assertThat(templates.get("items").toString()).contains("Standard sales agreement");
        UUID contract = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT id FROM contracts WHERE title = 'Sales agreement' ORDER BY created_at LIMIT 1",
                        UUID.class));
        JsonNode view = api.as("acme", "rep@acme.test", "GET", "/api/v1/contracts/" + contract)
                .send()
                .expect(200)
                .json();
        assertThat(view.get("signers")).hasSize(1);
        JsonNode lines = api.as(
                        "acme",
                        "rep@acme.test",
                        "GET",
                        "/api/v1/deals/" + view.get("dealId").asText() + "/line-items")
                .send()
                .expect(200)
                .json();
        assertThat(lines.toString()).contains("Salesflow seats", "Onboarding");
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/contracts/" + contract + "/verification")
                        .send()
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }
}
