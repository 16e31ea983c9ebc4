package io.salesflow.process.flow;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lead nurture on PostgreSQL with the real beans, driven as its users drive it: leads created through the API start
 * it, reps and managers work its tasks through /api/v1/tasks, engagements and conversion reach it as events. Timers
 * are fired by hand: tests do not wait for business hours.
 */
@IntegrationTest
class LeadNurtureJourneyTest {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    static Map<String, Object> warmLead(String name) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("firstName", name);
        lead.put("lastName", "Warm");
        lead.put("company", "Initech");
        lead.put("title", "CEO");
        lead.put("email", name.toLowerCase() + "@initech.com");
        lead.put("country", "DE");
        lead.put("companySize", "51-200");
        lead.put("source", "referral");
        return lead;
    }

    static Map<String, Object> hotLead(String name) {
        Map<String, Object> lead = warmLead(name);
        lead.put("lastName", "Hot");
        lead.put("companySize", "201-500");
        lead.put("phone", "+49 30 1234567");
        lead.put("productInterest", "CRM");
        return lead;
    }

    @Test
    void aHotLeadGetsAFirstContactTaskAndAMissedSlaEscalatesToTheManagerWhoReassigns() {
        JsonNode lead = create(hotLead("Hanna"));
        assertThat(lead.get("scoreBand").asText()).isEqualTo("hot");
        String owner = lead.get("ownerId").asText();
        String ownerEmail = emailOf(owner);

        JsonNode task = awaitTask(ownerEmail, lead.get("id").asText(), "UserTask_FirstContact");
        assertThat(task.get("name").asText()).isEqualTo("First contact");
        assertThat(task.get("assignee").asText()).isEqualTo(owner);
        assertThat(task.get("record").get("type").asText()).isEqualTo("lead");
        assertThat(task.get("due").isNull()).isFalse();

        fire(instanceOf(lead), "Timer_FirstContactSla");

        JsonNode review = awaitTask("manager@acme.test", lead.get("id").asText(), "UserTask_ReviewMissedContact");
        String other = owner.equals(userId("rep@acme.test")) ? userId("rep2@acme.test") : userId("rep@acme.test");
        complete("manager@acme.test", review, Map.of("action", "reassign", "newOwnerId", other));

        JsonNode reassigned =
                get("manager@acme.test", "/api/v1/leads/" + lead.get("id").asText());
        assertThat(reassigned.get("ownerId").asText()).isEqualTo(other);
        JsonNode moved = awaitTask(emailOf(other), lead.get("id").asText(), "UserTask_FirstContact");
        assertThat(moved.get("assignee").asText()).isEqualTo(other);

        complete(emailOf(other), moved, Map.of("outcome", "reached", "note", "Wants a demo"));
        assertThat(ended(instanceOf(lead))).isTrue();
        JsonNode after =
                get("manager@acme.test", "/api/v1/leads/" + lead.get("id").asText());
        assertThat(after.get("status").asText()).isEqualTo("contacted");
    }

    @Test
    void aWarmLeadsCadenceStopsWhenTheLeadReplies() {
        JsonNode lead = create(warmLead("Walter"));
        assertThat(lead.get("scoreBand").asText()).isEqualTo("warm");
        String ownerEmail = emailOf(lead.get("ownerId").asText());
        JsonNode touch = awaitTask(ownerEmail, lead.get("id").asText(), "UserTask_Touch");
        assertThat(touch.get("name").asText()).isEqualTo("Call Walter Warm");

        complete(ownerEmail, touch, Map.of("outcome", "no_answer"));
        String instance = instanceOf(lead);
        assertThat(nextTouchTimer(instance)).isNotNull();

        api.as("acme", ownerEmail, "POST", "/api/v1/leads/" + lead.get("id").asText() + "/engagements")
                .json(Map.of(
                        "type",
                        "email_replied",
                        "reference",
                        "reply-" + lead.get("id").asText()))
                .send()
                .expect(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> ended(instance));
        assertThat(reached(instance, "End_Engaged")).isTrue();
    }

    static Map<String, Object> coldLead(String name) {
        return Map.of(
                "firstName", name, "lastName", "Cold", "email", name.toLowerCase() + "@gmail.com", "source", "import");
    }

    @Test
    void aColdLeadWaitsForItsRescoringAndConversionEndsNurture() {
        JsonNode lead = create(coldLead("Conrad"));
        assertThat(lead.get("scoreBand").asText()).isEqualTo("cold");
        String id = lead.get("id").asText();
        String instance = await().atMost(Duration.ofSeconds(30)).until(() -> instanceOf(lead), i -> i != null);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .activityId("Timer_ColdWait")
                        .count())
                .isOne();
        String ownerEmail = emailOf(lead.get("ownerId").asText());
        for (String status : List.of("contacted", "qualified")) {
            api.as("acme", "admin@acme.test", "PATCH", "/api/v1/leads/" + id)
                    .json(Map.of("status", status))
                    .send()
                    .expect(200);
        }

        api.as(
                        "acme",
                        "admin@acme.test",
                        "POST",
                        "/api/v1/leads/" + lead.get("id").asText() + "/convert")
                .json(Map.of())
                .send()
                .expect(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> ended(instance));
        assertThat(reached(instance, "End_Converted")).isTrue();
        assertThat(tasksOn(ownerEmail, id)).isEmpty();
    }

    @Test
    void deletingALeadEndsItsNurtureAndItsTasks() {
        JsonNode lead = create(hotLead("Dora"));
        String id = lead.get("id").asText();
        String ownerEmail = emailOf(lead.get("ownerId").asText());
        awaitTask(ownerEmail, id, "UserTask_FirstContact");
        String instance = instanceOf(lead);

        api.as("acme", "admin@acme.test", "DELETE", "/api/v1/leads/" + id)
                .send()
                .expect(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> ended(instance));
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getDeleteReason())
                .isEqualTo("The lead was deleted");
        assertThat(tasksOn(ownerEmail, id)).isEmpty();
    }

    @Test
    void aCompletionThatDoesNotFitTheFormIsRefusedAndTheTaskStaysOpen() {
        JsonNode lead = create(hotLead("Bettina"));
        String ownerEmail = emailOf(lead.get("ownerId").asText());
        JsonNode task = awaitTask(ownerEmail, lead.get("id").asText(), "UserTask_FirstContact");
        String path = "/api/v1/tasks/" + task.get("id").asText() + "/complete";

        assertField(
                api.as("acme", ownerEmail, "POST", path)
                        .json(Map.of("variables", Map.of("outcome", "teleported")))
                        .send(),
                "variables.outcome");
        assertField(
                api.as("acme", ownerEmail, "POST", path)
                        .json(Map.of("variables", Map.of("note", "no outcome")))
                        .send(),
                "variables.outcome");
        assertField(
                api.as("acme", ownerEmail, "POST", path)
                        .json(Map.of("variables", Map.of("outcome", "reached", "ownerId", "someone-else")))
                        .send(),
                "variables.ownerId");

        assertThat(ended(instanceOf(lead))).isFalse();
        assertThat(get(ownerEmail, "/api/v1/tasks/" + task.get("id").asText())
                        .get("form")
                        .get("id")
                        .asText())
                .isEqualTo("first-contact");
        api.as(
                        "acme",
                        "support@acme.test",
                        "GET",
                        "/api/v1/tasks/" + task.get("id").asText())
                .send()
                .expect(404);
    }

    private JsonNode create(Map<String, Object> body) {
        return api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .json(body)
                .send()
                .expect(201)
                .json();
    }

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }

    private String userId(String email) {
        for (JsonNode user : get("admin@acme.test", "/api/v1/users?limit=200").get("items")) {
            if (user.get("email").asText().equals(email)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user " + email);
    }

    private String emailOf(String userId) {
        return get("admin@acme.test", "/api/v1/users/" + userId).get("email").asText();
    }

    private List<JsonNode> tasksOn(String email, String leadId) {
        JsonNode items =
                get(email, "/api/v1/tasks?recordType=lead&recordId=" + leadId).get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).toList();
    }

    private JsonNode awaitTask(String email, String leadId, String activityId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasksOn(email, leadId).stream()
                                .filter(t -> t.get("activityId").asText().equals(activityId))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private void complete(String email, JsonNode task, Map<String, Object> variables) {
        api.as("acme", email, "POST", "/api/v1/tasks/" + task.get("id").asText() + "/complete")
                .json(Map.of("variables", variables))
                .send()
                .expect(204);
    }

    private String instanceOf(JsonNode lead) {
        var instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("lead:" + lead.get("id").asText())
                .processDefinitionKey("lead-nurture")
                .singleResult();
        return instance == null ? null : instance.getId();
    }

    private void fire(String instance, String activityId) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(activityId)
                .singleResult();
        management.executeJob(timer.getId());
    }

    private Job nextTouchTimer(String instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("Timer_NextTouch")
                .singleResult();
    }

    private boolean ended(String instance) {
        ProcessInstance running =
                runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        return running == null;
    }

    private boolean reached(String instance, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId(activityId)
                        .count()
                == 1;
    }
}
