package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo workspace looks worked for each persona who signs in: scored leads, running nurture, things to act on. */
@IntegrationTest
class DemoProcessesTest {

    @Autowired
    Api api;

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }

    private List<JsonNode> items(String email, String path) {
        return StreamSupport.stream(get(email, path).get("items").spliterator(), false)
                .toList();
    }

    @Test
    void acmesLeadsAreScoredAndTheOpenOnesRunNurture() {
        List<JsonNode> leads = items("admin@acme.test", "/api/v1/leads?limit=200");
        assertThat(leads).isNotEmpty().allSatisfy(l -> assertThat(l.get("score").isNull())
                .isFalse());
        JsonNode open = leads.stream()
                .filter(l -> l.get("status").asText().equals("new"))
                .findFirst()
                .orElseThrow();
        JsonNode processes =
                get("admin@acme.test", "/api/v1/leads/" + open.get("id").asText() + "/processes");
        assertThat(processes.findValuesAsText("processKey")).contains("lead-nurture");
    }

    @Test
    void theRepHasTasksTheManagerAnOverdueLeadAndApproversAndTheDealDeskDealsToDecide() {
        assertThat(items("rep@acme.test", "/api/v1/tasks"))
                .extracting(t -> t.get("activityId").asText())
                .contains("UserTask_FirstContact", "UserTask_Touch");
        assertThat(items("manager@acme.test", "/api/v1/tasks"))
                .extracting(t -> t.get("activityId").asText())
                .contains("UserTask_ReviewMissedContact");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> items("manager@acme.test", "/api/v1/approvals").size() >= 2
                        && !items("finance@acme.test", "/api/v1/approvals").isEmpty());
        assertThat(items("ops@acme.test", "/api/v1/tasks?view=all")).isNotEmpty();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !items("ops@acme.test", "/api/v1/approvals").isEmpty());
        JsonNode deskApproval = items("ops@acme.test", "/api/v1/approvals").get(0);
        assertThat(deskApproval.toString()).contains("Discount over 20%: deal desk checks the terms");
    }
}
