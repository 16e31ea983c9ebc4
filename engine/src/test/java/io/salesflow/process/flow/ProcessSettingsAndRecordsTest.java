package io.salesflow.process.flow;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What ops configure about processes (which process runs for an event, nurture timings), what a record shows of its
 * processes (list and timeline), and starting a process from outside with its start form's values only.
 */
@IntegrationTest
class ProcessSettingsAndRecordsTest {

    private static final String OPS = "ops@acme.test";

    @Autowired
    Api api;

    @Test
    void opsSeeWhichProcessRunsForEachEventAndCannotPointOneAtNothing() {
        JsonNode triggers = api.as("acme", OPS, "GET", "/api/v1/process-triggers")
                .send()
                .expect(200)
                .json();
        assertThat(triggers.findValuesAsText("processKey"))
                .containsExactly("contract-signing", "deal-approval", "lead-nurture", "payment-milestones");

        assertField(
                api.as("acme", OPS, "PUT", "/api/v1/process-triggers/lead.created")
                        .json(Map.of("processKey", "no-such-process"))
                        .send(),
                "processKey");
        api.as("acme", OPS, "PUT", "/api/v1/process-triggers/lead.sneezed")
                .json(Map.of("enabled", false))
                .send()
                .expect(404);
        api.as("acme", "rep@acme.test", "PUT", "/api/v1/process-triggers/lead.created")
                .json(Map.of("enabled", false))
                .send()
                .expect(403);
        JsonNode same = api.as("acme", OPS, "PUT", "/api/v1/process-triggers/lead.created")
                .json(Map.of("processKey", "lead-nurture", "enabled", true))
                .send()
                .expect(200)
                .json();
        assertThat(same.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void nurtureTimingsAreReadByAllAndChangedByOpsWithChecks() {
        Api.Response read = api.as("acme", "rep@acme.test", "GET", "/api/v1/nurture-settings")
                .send()
                .expect(200);
        JsonNode settings = read.json();
        assertThat(settings.get("firstContactSla").asText()).isNotBlank();
        String etag = read.header("ETag").orElseThrow();

        assertField(
                api.as("acme", OPS, "PUT", "/api/v1/nurture-settings")
                        .header("If-Match", etag)
                        .json(Map.of("touchCount", 40))
                        .send(),
                "touchCount");
        assertField(
                api.as("acme", OPS, "PUT", "/api/v1/nurture-settings")
                        .header("If-Match", etag)
                        .json(Map.of("firstContactSla", "soon"))
                        .send(),
                "firstContactSla");
        assertThat(api.as("acme", OPS, "GET", "/api/v1/nurture-settings")
                        .send()
                        .expect(200)
                        .json())
                .isEqualTo(settings);

        JsonNode changed = api.as("acme", OPS, "PUT", "/api/v1/nurture-settings")
                .header("If-Match", etag)
                .json(Map.of("touchCount", settings.get("touchCount").asInt()))
                .send()
                .expect(200)
                .json();
        assertThat(changed.get("version").asLong())
                .isGreaterThan(settings.get("version").asLong());
        api.as("acme", OPS, "PUT", "/api/v1/nurture-settings")
                .header("If-Match", etag)
                .json(Map.of("touchCount", 3))
                .send()
                .expect(412);
    }

    @Test
    void aLeadShowsItsNurtureWithTheOpenTaskAndItsTimelineSaysWhenItStarted() {
        JsonNode lead = api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                .json(LeadNurtureJourneyTest.hotLead("Rosa"))
                .send()
                .expect(201)
                .json();
        String id = lead.get("id").asText();

        JsonNode processes = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/" + id + "/processes")
                                .send()
                                .expect(200)
                                .json(),
                        p -> p.size() == 1 && p.get(0).get("openTasks").size() == 1);
        JsonNode nurture = processes.get(0);
        assertThat(nurture.get("processKey").asText()).isEqualTo("lead-nurture");
        assertThat(nurture.get("state").asText()).isEqualTo("running");
        assertThat(nurture.get("openTasks").get(0).get("name").asText()).isEqualTo("First contact");
        assertThat(nurture.get("currentActivities").findValuesAsText("id")).contains("UserTask_FirstContact");

        JsonNode timeline = api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/" + id + "/timeline")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(timeline.findParents("kind").stream()
                        .filter(e -> e.get("kind").asText().equals("process"))
                        .map(e -> e.get("event").asText()))
                .containsExactly("started");

        api.as("globex", "rep@globex.test", "GET", "/api/v1/leads/" + id + "/processes")
                .send()
                .expect(404);
    }

    @Test
    void aProcessStartsFromOutsideOnlyWithWhatItsStartFormDeclares() {
        String key = "callback-" + UUID.randomUUID().toString().substring(0, 8);
        String form =
                """
                {"id":"%s-start","type":"default","components":[
                  {"key":"phone","label":"Phone","type":"textfield","validate":{"required":true,"maxLength":30}},
                  {"key":"topic","label":"Topic","type":"select","values":[{"label":"Sales","value":"sales"}]}]}
                """
                        .formatted(key);
        String withForm = Bpmn.convertToString(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .camundaFormRef(key + "-start")
                .camundaFormRefBinding("latest")
                .userTask("Task_Call")
                .name("Call back")
                .endEvent()
                .done());
        String withoutForm = Bpmn.convertToString(Bpmn.createExecutableProcess(key + "-bare")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("Task_Call")
                .endEvent()
                .done());
        api.as("acme", OPS, "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file("file", key + ".bpmn", "application/xml", withForm.getBytes(StandardCharsets.UTF_8))
                        .file(
                                "file",
                                key + "-bare.bpmn",
                                "application/xml",
                                withoutForm.getBytes(StandardCharsets.UTF_8))
                        .file("file", key + ".form", "application/json", form.getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(201);

        assertField(
                api.as("acme", OPS, "POST", "/api/v1/processes/" + key + "/start")
                        .json(Map.of("variables", Map.of("phone", "+49 30 1", "isAdmin", true)))
                        .send(),
                "variables.isAdmin");
        assertField(
                api.as("acme", OPS, "POST", "/api/v1/processes/" + key + "/start")
                        .json(Map.of("variables", Map.of("topic", "sales")))
                        .send(),
                "variables.phone");
        api.as("acme", OPS, "POST", "/api/v1/processes/" + key + "-bare/start")
                .json(Map.of())
                .send()
                .expect(422);
        api.as("acme", OPS, "POST", "/api/v1/processes/no-such/start")
                .json(Map.of())
                .send()
                .expect(404);

        JsonNode started = api.as("acme", OPS, "POST", "/api/v1/processes/" + key + "/start")
                .json(Map.of("businessKey", "web:42", "variables", Map.of("phone", "+49 30 1", "topic", "sales")))
                .send()
                .expect(201)
                .json();
        assertThat(started.get("processInstanceId").asText()).isNotBlank();
        assertThat(started.get("businessKey").asText()).isEqualTo("web:42");
        api.as("globex", "admin@globex.test", "POST", "/api/v1/processes/" + key + "/start")
                .json(Map.of("variables", Map.of("phone", "1")))
                .send()
                .expect(404);
    }
}
