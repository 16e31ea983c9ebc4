package io.salesflow.routing;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Leads carry the region and postal code territory rules test; lists filter by them. */
@IntegrationTest
class LeadTerritoryTest {

    @Autowired
    Api api;

    @Test
    void regionAndPostalCodeAreKeptCheckedAndFilterable() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode lead = create(Map.of(
                        "lastName",
                        "Wolf",
                        "source",
                        "event",
                        "country",
                        "AT",
                        "region",
                        "Tirol",
                        "postalCode",
                        "a-6020",
                        "tags",
                        List.of(tag)))
                .expect(201)
                .json();
        assertThat(lead.get("region").asText()).isEqualTo("Tirol");
        assertThat(lead.get("postalCode").asText()).isEqualTo("A-6020");
        create(Map.of("lastName", "Fox", "source", "event", "region", "Wien", "tags", List.of(tag)))
                .expect(201);

        JsonNode tirol = api.as("acme", "rep@acme.test", "GET", "/api/v1/leads?tags[has]=" + tag + "&region=tirol")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(tirol.findValuesAsText("lastName")).containsExactly("Wolf");
        JsonNode byPostalCode = api.as(
                        "acme",
                        "rep@acme.test",
                        "GET",
                        "/api/v1/leads?tags[has]=" + tag + "&postalCode[startsWith]=A-6")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(byPostalCode.findValuesAsText("lastName")).containsExactly("Wolf");

        assertField(create(Map.of("lastName", "X", "source", "api", "postalCode", "10115; DROP")), "postalCode");
        assertField(create(Map.of("lastName", "X", "source", "api", "region", 42)), "region");
    }

    private Api.Response create(Map<String, Object> body) {
        return api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(body)
                .send();
    }
}
