package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo workspace has a contract template, a contract with line items ready for the rep to send, and another its
 * two signers signed through the signing service; loading the demo again adds nothing.
 */
@IntegrationTest
class DemoContractsTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoContracts demo;

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

    @Test
    void anotherDealHasAContractBothSignersSignedWithEvidenceACertificateAndAChainThatVerifies() {
        UUID contract = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT id FROM contracts WHERE title = 'Signed sales agreement' ORDER BY created_at LIMIT 1",
                        UUID.class));
        JsonNode view = api.as("acme", "rep@acme.test", "GET", "/api/v1/contracts/" + contract)
                .send()
                .expect(200)
                .json();
        assertThat(view.get("status").asText()).isEqualTo("signed");
        assertThat(view.get("completedAt").isNull()).isFalse();
        assertThat(view.get("signers")).hasSize(2).allSatisfy(signer -> {
            assertThat(signer.get("status").asText()).isEqualTo("signed");
            assertThat(signer.get("emailVerified").asBoolean()).isTrue();
            assertThat(signer.get("signedName").asText())
                    .isEqualTo(signer.get("name").asText());
            assertThat(signer.get("ip").asText()).isEqualTo("203.0.113.24");
            assertThat(signer.get("documentSha256").asText())
                    .isEqualTo(view.get("documentSha256").asText());
        });
        JsonNode ofDeal = api.as(
                        "acme",
                        "rep@acme.test",
                        "GET",
                        "/api/v1/contracts?dealId=" + view.get("dealId").asText())
                .send()
                .expect(200)
                .json();
        assertThat(ofDeal)
                .singleElement()
                .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("signed"));

        Api.Response signedCopy = api.as(
                        "acme", "rep@acme.test", "GET", "/api/v1/contracts/" + contract + "/signed-document")
                .send();
        assertThat(signedCopy.status()).isEqualTo(200);
        assertThat(signedCopy.contentType()).startsWith("application/pdf");

        JsonNode verification = api.as(
                        "acme", "rep@acme.test", "GET", "/api/v1/contracts/" + contract + "/verification")
                .send()
                .expect(200)
                .json();
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("signedDocumentSha256").asText())
                .isEqualTo(view.get("signedDocumentSha256").asText());
        JsonNode events = api.as("acme", "rep@acme.test", "GET", "/api/v1/contracts/" + contract + "/events")
                .send()
                .expect(200)
                .json();
        List<String> kinds = new ArrayList<>();
        events.forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds)
                .containsSubsequence("generated", "signed", "signed", "completed")
                .contains("viewed")
                .endsWith("completed");
    }

    @Test
    void loadingTheDemoAgainAddsNoContract() {
        String count = "SELECT count(*) || '/' || (SELECT count(*) FROM contract_events) || '/'"
                + " || (SELECT count(*) FROM contract_templates) FROM contracts";
        String before = inTenant.call("acme", () -> jdbc.queryForObject(count, String.class));
        UUID tenant = inTenant.call("acme", TenantContext::require);

        TenantContext.runAs(tenant, () -> demo.load(admin(), rep()));

        assertThat(inTenant.call("acme", () -> jdbc.queryForObject(count, String.class)))
                .isEqualTo(before);
    }

    private UUID admin() {
        return UUID.fromString(api.as("acme", "admin@acme.test", "GET", "/api/v1/me")
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText());
    }

    private UUID rep() {
        return UUID.fromString(api.as("acme", "rep@acme.test", "GET", "/api/v1/me")
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText());
    }
}
