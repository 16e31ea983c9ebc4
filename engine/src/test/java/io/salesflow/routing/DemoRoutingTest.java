package io.salesflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo workspace routes German-speaking and EU leads to team East and leaves the rest unassigned. */
@IntegrationTest
class DemoRoutingTest {

    @Autowired
    Api api;

    @Test
    void acmeRoutesAGermanLeadFromMarketingToRitaOrRonInTeamEast() {
        JsonNode active = api.as("acme", "admin@acme.test", "GET", "/api/v1/routing/rule-sets")
                .send()
                .expect(200)
                .json();
        assertThat(active.findValuesAsText("status")).contains("active");
        JsonNode east =
                api.as("acme", "admin@acme.test", "GET", "/api/v1/teams").send().json().findParents("name").stream()
                        .filter(t -> t.get("name").asText().equals("East"))
                        .findFirst()
                        .orElseThrow();
        JsonNode members = api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/teams/" + east.get("id").asText() + "/routing-members")
                .send()
                .expect(200)
                .json()
                .get("members");
        assertThat(members.findValuesAsText("configured")).containsOnly("true");
        assertThat(members.findValuesAsText("dailyCap")).doesNotContainNull();

        JsonNode lead = api.as("acme", "marketing@acme.test", "POST", "/api/v1/leads")
                .json(Map.of(
                        "lastName",
                        "Brandt",
                        "company",
                        "Demo Routing GmbH",
                        "source",
                        "web_form",
                        "country",
                        "DE",
                        "postalCode",
                        "10115",
                        "region",
                        "Berlin"))
                .send()
                .expect(201)
                .json();
        assertThat(lead.get("ownerId").asText()).isIn(idOf("rep@acme.test"), idOf("rep2@acme.test"));
        assertThat(lead.get("teamId").asText()).isEqualTo(east.get("id").asText());
        assertThat(lead.get("postalCode").asText()).isEqualTo("10115");
        JsonNode assignment = api.as(
                        "acme",
                        "manager@acme.test",
                        "GET",
                        "/api/v1/leads/" + lead.get("id").asText() + "/assignments")
                .send()
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(assignment.get("rule").asText()).isEqualTo("DACH");

        JsonNode elsewhere = api.as("acme", "marketing@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Silva", "source", "web_form", "country", "BR"))
                .send()
                .expect(201)
                .json();
        assertThat(elsewhere.get("ownerId").asText()).isEqualTo(idOf("marketing@acme.test"));
    }

    private String idOf(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }
}
