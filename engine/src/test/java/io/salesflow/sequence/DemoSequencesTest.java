package io.salesflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo workspace shows a sequence at work: leads and contacts enrolled, at different steps. */
@IntegrationTest
class DemoSequencesTest {

    @Autowired
    Api api;

    @Test
    void theDemoSequenceHasLeadsAndContactsAtDifferentSteps() {
        JsonNode sequence = null;
        for (JsonNode s : api.as("acme", "admin@acme.test", "GET", "/api/v1/sequences?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")) {
            if (s.get("name").asText().equals("Demo follow-up")) {
                sequence = s;
            }
        }
        assertThat(sequence).as("the demo sequence").isNotNull();
        List<JsonNode> enrolments = new ArrayList<>();
        api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/sequences/" + sequence.get("id").asText() + "/enrolments")
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(enrolments::add);
        assertThat(enrolments).extracting(e -> e.get("recordType").asText()).contains("lead", "contact");
        assertThat(enrolments).extracting(e -> e.get("currentStep").asInt()).contains(1, 2);
    }
}
