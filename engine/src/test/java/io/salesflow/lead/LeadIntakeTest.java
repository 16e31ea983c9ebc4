package io.salesflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Intake steps (scoring, routing) shape a new lead inside its creating transaction. */
@IntegrationTest
class LeadIntakeTest {

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    @Test
    void aStepScoresAndRoutesTheNewLeadBeforeLeadCreatedIsPublished() {
        String company = ProbeIntakeStep.MARKER + " " + UUID.randomUUID();
        JsonNode created = api.as("acme", "marketing@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("company", company, "source", "web_form"))
                .send()
                .expect(201)
                .json();
        String rep2 = api.as("acme", "rep2@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();

        assertThat(created.get("ownerId").asText()).isEqualTo(rep2);
        assertThat(created.get("score").asInt()).isEqualTo(42);
        assertThat(created.get("scoreBand").asText()).isEqualTo("warm");
        String id = created.get("id").asText();
        assertThat(events.of(LeadCreated.class)).anySatisfy(e -> {
            assertThat(e.leadId().toString()).isEqualTo(id);
            assertThat(e.ownerId().toString()).isEqualTo(rep2);
        });
        JsonNode history = api.as("acme", "marketing@acme.test", "GET", "/api/v1/leads/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.findValuesAsText("field")).contains("ownerId");
    }

    @Test
    void aLeadWhoseCreatorNamedTheOwnerIsNotRouted() {
        String marketing = api.as("acme", "marketing@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        JsonNode created = api.as("acme", "marketing@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("company", ProbeIntakeStep.MARKER + " own", "source", "web_form", "ownerId", marketing))
                .send()
                .expect(201)
                .json();
        assertThat(created.get("ownerId").asText()).isEqualTo(marketing);
        assertThat(created.get("score").asInt())
                .as("scored by the rules, not by the probe")
                .isNotEqualTo(42);
    }
}
