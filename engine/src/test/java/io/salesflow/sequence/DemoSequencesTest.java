package io.salesflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo workspace shows a sequence at work (leads and contacts enrolled, at different steps) and one that has run,
 * with figures to read.
 */
@IntegrationTest
class DemoSequencesTest {

    @Autowired
    Api api;

    @Test
    void theDemoSequenceHasLeadsAndContactsAtDifferentSteps() {
        List<JsonNode> enrolments = enrolments(sequence("Demo follow-up"));
        assertThat(enrolments).extracting(e -> e.get("recordType").asText()).contains("lead", "contact");
        assertThat(enrolments).extracting(e -> e.get("currentStep").asInt()).contains(1, 2);
    }

    @Test
    void theSequenceThatRanShowsItsEmailsOpenedClickedAndAnsweredPerVariant() {
        String id = sequence("Inbound introduction");
        List<JsonNode> figures = new ArrayList<>();
        api.as("acme", "rep@acme.test", "GET", "/api/v1/sequences/" + id + "/figures")
                .send()
                .expect(200)
                .json()
                .forEach(figures::add);
        assertThat(figures).extracting(f -> f.get("variant").asText()).containsExactly("A", "B");
        long sent = figures.stream().mapToLong(f -> f.get("sent").asLong()).sum();
        long opened = figures.stream().mapToLong(f -> f.get("opened").asLong()).sum();
        long clicked =
                figures.stream().mapToLong(f -> f.get("clicked").asLong()).sum();
        long replied =
                figures.stream().mapToLong(f -> f.get("replied").asLong()).sum();
        assertThat(sent).as("the rep's demo introduction emails").isEqualTo(12);
        assertThat(opened).isBetween(1L, sent - 1);
        assertThat(clicked).isBetween(1L, opened);
        assertThat(replied).isBetween(1L, sent - 1);

        List<JsonNode> enrolments = enrolments(id);
        assertThat(enrolments).hasSize(12);
        assertThat(enrolments)
                .filteredOn(e -> e.get("status").asText().equals("stopped"))
                .extracting(e -> e.get("stopReason").asText())
                .hasSize((int) replied)
                .containsOnly("replied");
        assertThat(enrolments).extracting(e -> e.get("status").asText()).containsOnly("completed", "stopped");
    }

    private String sequence(String name) {
        for (JsonNode s : api.as("acme", "admin@acme.test", "GET", "/api/v1/sequences?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no demo sequence named " + name);
    }

    private List<JsonNode> enrolments(String sequence) {
        List<JsonNode> enrolments = new ArrayList<>();
        api.as("acme", "admin@acme.test", "GET", "/api/v1/sequences/" + sequence + "/enrolments?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(enrolments::add);
        return enrolments;
    }
}
