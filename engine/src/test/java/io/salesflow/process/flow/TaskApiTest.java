package io.salesflow.process.flow;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Working tasks the way people do: claiming from a group, giving back, commenting, approving several at once. */
@IntegrationTest
class TaskApiTest {

    @Autowired
    Api api;

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }

    @Test
    void anEscalatedLeadReviewIsClaimedFromTheGroupGivenBackAndCommentedOn() {
        JsonNode lead = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .json(LeadNurtureJourneyTest.hotLead("Gudrun"))
                .send()
                .expect(201)
                .json();
        String id = lead.get("id").asText();
        JsonNode first = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> StreamSupport.stream(
                                        get("admin@acme.test", "/api/v1/tasks?view=all&recordType=lead&recordId=" + id)
                                                .get("items")
                                                .spliterator(),
                                        false)
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        String task = "/api/v1/tasks/" + first.get("id").asText();
        assertThat(first.at("/record/title").asText()).isEqualTo("Gudrun Hot · Initech");
        String owner = first.get("assignee").asText();
        String ownerEmail =
                get("admin@acme.test", "/api/v1/users/" + owner).get("email").asText();

        api.as("acme", ownerEmail, "POST", task + "/unclaim").send().expect(200);
        JsonNode open = get(ownerEmail, task);
        assertThat(open.get("assignee").isNull()).isTrue();
        assertThat(open.at("/record/title").asText()).isEqualTo("Gudrun Hot · Initech");
        String other = ownerEmail.equals("rep@acme.test") ? "rep2@acme.test" : "rep@acme.test";
        JsonNode claimed = api.as("acme", other, "POST", task + "/claim")
                .send()
                .expect(200)
                .json();
        assertThat(claimed.get("assignee").asText()).isNotEqualTo(owner);
        api.as("acme", ownerEmail, "POST", task + "/claim")
                .send()
                .expect(404); // no longer open to the group, and not theirs
        api.as("acme", "manager@acme.test", "POST", task + "/claim").send().expect(409);

        assertField(
                api.as("acme", other, "POST", task + "/comments")
                        .json(Map.of("message", " "))
                        .send(),
                "message");
        api.as("acme", other, "POST", task + "/comments")
                .json(Map.of("message", "Called twice, no answer"))
                .send()
                .expect(201);
        List<String> comments = get(other, task + "/comments").findValuesAsText("message");
        assertThat(comments).containsExactly("Called twice, no answer");
        assertThat(get(other, "/api/v1/tasks?dueBefore=2999-01-01T00:00:00Z").findValuesAsText("id"))
                .contains(first.get("id").asText());
        assertField(api.as("acme", other, "GET", "/api/v1/tasks?recordId=" + id).send(), "recordType");
    }

    @Test
    void aManagerApprovesSeveralDealsAtOnceAndEachIsReportedOnItsOwn() {
        List<String> deals = List.of(deal("Bulk one"), deal("Bulk two"));
        List<String> tasks = deals.stream()
                .map(d -> await().atMost(Duration.ofSeconds(30))
                        .until(() -> approvalTask("manager@acme.test", d), t -> t != null))
                .toList();

        JsonNode results = api.as("acme", "manager@acme.test", "POST", "/api/v1/approvals/approve")
                .json(Map.of("taskIds", List.of(tasks.get(0), tasks.get(1), "no-such-task")))
                .send()
                .expect(200)
                .json();

        assertThat(results.findValuesAsText("status")).containsExactly("204", "204", "404");
        for (String deal : deals) {
            await().atMost(Duration.ofSeconds(30)).until(() -> get("rep@acme.test", "/api/v1/deals/" + deal)
                    .get("approvalStatus")
                    .asText()
                    .equals("APPROVED"));
        }
        assertField(
                api.as("acme", "manager@acme.test", "POST", "/api/v1/approvals/approve")
                        .json(Map.of("taskIds", List.of()))
                        .send(),
                "taskIds");
        api.as("acme", "rep@acme.test", "GET", "/api/v1/approvals").send().expect(403);
    }

    private String approvalTask(String email, String deal) {
        for (JsonNode a : get(email, "/api/v1/approvals").get("items")) {
            if (a.get("dealId").asText().equals(deal)) {
                return a.get("taskId").asText();
            }
        }
        return null;
    }

    private String deal(String name) {
        String negotiation = null;
        String proposal = null;
        for (JsonNode p : get("rep@acme.test", "/api/v1/pipelines")) {
            if (p.get("name").asText().equals("Sales")) {
                for (JsonNode s : p.get("stages")) {
                    if (s.get("name").asText().equals("Negotiation")) {
                        negotiation = s.get("id").asText();
                    } else if (s.get("name").asText().equals("Proposal")) {
                        proposal = s.get("id").asText();
                    }
                }
            }
        }
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/deals")
                .json(Map.of(
                        "name", name, "amount", 9000, "currency", "EUR", "discountPercent", 12, "stageId", proposal))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", "rep@acme.test", "PATCH", "/api/v1/deals/" + id)
                .json(Map.of("stageId", negotiation))
                .send()
                .expect(200);
        return id;
    }
}
