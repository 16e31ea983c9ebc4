package io.salesflow.process.admin;

import static io.salesflow.process.admin.AdminProcesses.GLOBEX_ADMIN;
import static io.salesflow.process.admin.AdminProcesses.OPS;
import static io.salesflow.process.admin.AdminProcesses.REP;
import static io.salesflow.process.admin.AdminProcesses.all;
import static io.salesflow.process.admin.AdminProcesses.deploy;
import static io.salesflow.process.admin.AdminProcesses.uniqueKey;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ops administer their workspace's processes through /api/v1: definitions and versions with their XML, instances
 * listed, filtered and looked into, suspended, resumed and cancelled with a reason, incidents listed and retried.
 * A rep may not; another workspace's admin finds none of it.
 */
@IntegrationTest
class ProcessAdministrationTest {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    ExternalTaskService externalTasks;

    private static BpmnModelInstance review(String key, String name) {
        return Bpmn.createExecutableProcess(key)
                .name(name)
                .camundaHistoryTimeToLive(30)
                .startEvent("Start")
                .userTask("Task_Review")
                .name("Review")
                .userTask("Task_Sign")
                .name("Sign")
                .endEvent("End")
                .done();
    }

    private ProcessInstance start(String key, String businessKey, Map<String, Object> variables) {
        return runtime.createProcessInstanceByKey(key)
                .processDefinitionTenantId("acme")
                .businessKey(businessKey)
                .setVariables(variables)
                .execute();
    }

    private JsonNode get(String user, String path) {
        return api.as(user.endsWith("globex.test") ? "globex" : "acme", user, "GET", path)
                .send()
                .expect(200)
                .json();
    }

    private Api.Response post(String tenant, String user, String path, Object body) {
        Api.Call call = api.as(tenant, user, "POST", path);
        return (body == null ? call : call.json(body)).send();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("id");
    }

    private List<String> auditActions(String resourceType, String resourceId) {
        return get("admin@acme.test", "/api/v1/audit-log?resourceType=" + resourceType + "&resourceId=" + resourceId)
                .get("items")
                .findValuesAsText("action");
    }

    @Test
    void opsSeeTheLatestVersionOfEachProcessEveryVersionAndItsXml() {
        String key = uniqueKey("admin-defs");
        String v1 = deploy(api, key, review(key, "Review v1"));
        String v2 = deploy(api, key, review(key, "Review v2"));
        start(key, null, Map.of());
        runtime.createProcessInstanceById(v1).execute();
        runtime.createProcessInstanceById(v1).execute();

        JsonNode latest = all(api, "acme", OPS, "/api/v1/process-definitions").stream()
                .filter(d -> d.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(latest.get("id").asText()).isEqualTo(v2);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("name").asText()).isEqualTo("Review v2");
        assertThat(latest.get("runningInstances").asLong()).isEqualTo(1);
        assertThat(latest.get("deploymentId").asText()).isNotBlank();
        assertThat(latest.get("deployedAt").asText()).isNotBlank();
        assertThat(all(api, "acme", OPS, "/api/v1/process-definitions").stream()
                        .map(d -> d.get("key").asText()))
                .contains("lead-nurture", "deal-approval")
                .doesNotHaveDuplicates();

        JsonNode versions = get(OPS, "/api/v1/process-definitions/" + key + "/versions");
        assertThat(versions.get("items").findValuesAsText("id")).containsExactly(v2, v1);
        assertThat(versions.get("items").get(1).get("runningInstances").asLong())
                .isEqualTo(2);
        JsonNode firstPage = get(OPS, "/api/v1/process-definitions/" + key + "/versions?limit=1");
        assertThat(ids(firstPage)).containsExactly(v2);
        assertThat(ids(get(
                        OPS,
                        "/api/v1/process-definitions/" + key + "/versions?limit=1&cursor="
                                + firstPage.get("nextCursor").asText())))
                .containsExactly(v1);

        JsonNode xml = get(OPS, "/api/v1/process-definitions/" + v1 + "/xml");
        assertThat(xml.get("key").asText()).isEqualTo(key);
        assertThat(xml.get("version").asInt()).isEqualTo(1);
        assertThat(xml.get("xml").asText()).contains("Task_Sign", "Review v1");

        JsonNode decision = all(api, "acme", OPS, "/api/v1/decision-definitions").stream()
                .filter(d -> d.get("key").asText().equals("deal-approval"))
                .findFirst()
                .orElseThrow();
        assertThat(get(OPS, "/api/v1/decision-definitions/deal-approval/versions")
                        .get("items")
                        .findValuesAsText("id"))
                .contains(decision.get("id").asText());
        assertThat(get(OPS, "/api/v1/decision-definitions/" + decision.get("id").asText() + "/xml")
                        .get("xml")
                        .asText())
                .contains("deal-approval");

        api.as("acme", OPS, "GET", "/api/v1/process-definitions/no-such-process/versions")
                .send()
                .expect(404);
        api.as("acme", OPS, "GET", "/api/v1/process-definitions/" + key + ":9:nothing/xml")
                .send()
                .expect(404);
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-definitions?limit=0")
                        .send(),
                "limit");
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-definitions?cursor=not-ours")
                        .send(),
                "cursor");

        api.as("acme", REP, "GET", "/api/v1/process-definitions").send().expect(403);
        api.as("acme", REP, "GET", "/api/v1/decision-definitions").send().expect(403);
        api.as("globex", GLOBEX_ADMIN, "GET", "/api/v1/process-definitions/" + v1 + "/xml")
                .send()
                .expect(404);
        api.as("globex", GLOBEX_ADMIN, "GET", "/api/v1/process-definitions/" + key + "/versions")
                .send()
                .expect(404);
        api.as(
                        "globex",
                        GLOBEX_ADMIN,
                        "GET",
                        "/api/v1/decision-definitions/" + decision.get("id").asText() + "/xml")
                .send()
                .expect(404);
        assertThat(all(api, "globex", GLOBEX_ADMIN, "/api/v1/process-definitions").stream()
                        .map(d -> d.get("key").asText()))
                .doesNotContain(key);
    }

    @Test
    void opsListFilterAndLookIntoInstancesWithPlainVariablesOnly() {
        String key = uniqueKey("admin-instances");
        String v1 = deploy(api, key, review(key, "Review"));
        UUID lead = UUID.randomUUID();
        ProcessInstance onLead = start(
                key,
                "lead:" + lead,
                Map.of(
                        "recordType",
                        "lead",
                        "recordId",
                        lead.toString(),
                        "amount",
                        42,
                        "tags",
                        Variables.objectValue(new ArrayList<>(List.of("vip", "emea")))
                                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                                .create(),
                        "serialized",
                        Variables.objectValue(new ArrayList<>(List.of("kept", "inside")))
                                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                                .create(),
                        "attachment",
                        new byte[] {1, 2, 3}));
        ProcessInstance other = start(key, "other:1", Map.of());
        String v2 = deploy(api, key, review(key, "Review again"));
        ProcessInstance onV2 = start(key, "other:2", Map.of());

        JsonNode list = get(OPS, "/api/v1/process-instances?processKey=" + key);
        assertThat(ids(list)).containsExactly(onV2.getId(), other.getId(), onLead.getId());
        JsonNode item = list.get("items").get(2);
        assertThat(item.get("processKey").asText()).isEqualTo(key);
        assertThat(item.get("version").asInt()).isEqualTo(1);
        assertThat(item.get("definitionId").asText()).isEqualTo(v1);
        assertThat(item.get("businessKey").asText()).isEqualTo("lead:" + lead);
        assertThat(item.get("recordType").asText()).isEqualTo("lead");
        assertThat(item.get("recordId").asText()).isEqualTo(lead.toString());
        assertThat(item.get("state").asText()).isEqualTo("running");
        assertThat(item.get("startedAt").asText()).isNotBlank();
        assertThat(item.get("currentActivityIds").get(0).asText()).isEqualTo("Task_Review");
        assertThat(list.get("items").get(0).get("recordType").isNull()).isTrue();

        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&version=1")))
                .containsExactly(other.getId(), onLead.getId());
        assertThat(ids(get(OPS, "/api/v1/process-instances?definitionId=" + v2)))
                .containsExactly(onV2.getId());
        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&version=7")))
                .isEmpty();
        assertThat(ids(get(OPS, "/api/v1/process-instances?businessKey=lead:" + lead)))
                .containsExactly(onLead.getId());
        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&withIncidents=true")))
                .isEmpty();
        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&state=suspended")))
                .isEmpty();
        JsonNode first = get(OPS, "/api/v1/process-instances?processKey=" + key + "&limit=2");
        assertThat(ids(first)).containsExactly(onV2.getId(), other.getId());
        assertThat(ids(get(
                        OPS,
                        "/api/v1/process-instances?processKey=" + key + "&limit=2&cursor="
                                + first.get("nextCursor").asText())))
                .containsExactly(onLead.getId());

        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-instances?state=paused")
                        .send(),
                "state");
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-instances?version=1")
                        .send(),
                "version");
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-instances?processKey=" + key + "&version=0")
                        .send(),
                "version");
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-instances?withIncidents=maybe")
                        .send(),
                "withIncidents");
        assertField(
                api.as("acme", OPS, "GET", "/api/v1/process-instances?limit=201")
                        .send(),
                "limit");

        JsonNode detail = get(OPS, "/api/v1/process-instances/" + onLead.getId());
        assertThat(detail.get("state").asText()).isEqualTo("running");
        assertThat(detail.get("recordId").asText()).isEqualTo(lead.toString());
        assertThat(detail.get("activities").findValuesAsText("activityId")).containsExactly("Start", "Task_Review");
        assertThat(detail.get("activities").get(1).get("endedAt").isNull()).isTrue();
        assertThat(detail.get("currentActivityIds").get(0).asText()).isEqualTo("Task_Review");
        Map<String, JsonNode> variables = new HashMap<>();
        detail.get("variables").forEach(v -> variables.put(v.get("name").asText(), v));
        assertThat(variables.get("amount").get("value").asInt()).isEqualTo(42);
        assertThat(variables.get("tags").get("value").toString())
                .as(detail.get("variables").toString())
                .isEqualTo("[\"vip\",\"emea\"]");
        assertThat(variables.get("serialized").get("type").asText()).isEqualTo("object");
        assertThat(variables.get("serialized").get("value").isNull()).isTrue();
        assertThat(variables.get("attachment").get("type").asText()).isEqualTo("bytes");
        assertThat(variables.get("attachment").get("value").isNull()).isTrue();

        api.as("acme", REP, "GET", "/api/v1/process-instances").send().expect(403);
        api.as("acme", REP, "GET", "/api/v1/process-instances/" + onLead.getId())
                .send()
                .expect(403);
        api.as("globex", GLOBEX_ADMIN, "GET", "/api/v1/process-instances/" + onLead.getId())
                .send()
                .expect(404);
        assertThat(ids(get(GLOBEX_ADMIN, "/api/v1/process-instances?processKey=" + key)))
                .isEmpty();
        api.as("acme", OPS, "GET", "/api/v1/process-instances/no-such-instance")
                .send()
                .expect(404);
    }

    @Test
    void opsSuspendAndResumeAnInstanceOrEveryInstanceOfAVersionAudited() {
        String key = uniqueKey("admin-suspend");
        String v1 = deploy(api, key, review(key, "Review"));
        ProcessInstance one = start(key, null, Map.of());
        ProcessInstance two = start(key, null, Map.of());

        api.as("globex", GLOBEX_ADMIN, "POST", "/api/v1/process-instances/" + one.getId() + "/suspend")
                .send()
                .expect(404);
        api.as("acme", REP, "POST", "/api/v1/process-instances/" + one.getId() + "/suspend")
                .send()
                .expect(403);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(one.getId())
                        .singleResult()
                        .isSuspended())
                .isFalse();

        JsonNode suspended = post("acme", OPS, "/api/v1/process-instances/" + one.getId() + "/suspend", null)
                .expect(200)
                .json();
        assertThat(suspended.get("state").asText()).isEqualTo("suspended");
        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&state=suspended")))
                .containsExactly(one.getId());
        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&state=running")))
                .containsExactly(two.getId());
        JsonNode resumed = post("acme", OPS, "/api/v1/process-instances/" + one.getId() + "/resume", null)
                .expect(200)
                .json();
        assertThat(resumed.get("state").asText()).isEqualTo("running");
        assertThat(auditActions("process_instance", one.getId()))
                .containsExactly("process_instance.resumed", "process_instance.suspended");

        api.as("globex", GLOBEX_ADMIN, "POST", "/api/v1/process-definitions/" + v1 + "/suspend")
                .send()
                .expect(404);
        JsonNode definition = post("acme", OPS, "/api/v1/process-definitions/" + v1 + "/suspend", null)
                .expect(200)
                .json();
        assertThat(definition.get("suspendedInstances").asLong()).isEqualTo(2);
        assertThat(definition.get("runningInstances").asLong()).isZero();
        assertThat(definition.get("suspended").asBoolean()).isFalse();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionId(v1)
                        .suspended()
                        .count())
                .isEqualTo(2);
        JsonNode back = post("acme", OPS, "/api/v1/process-definitions/" + v1 + "/resume", null)
                .expect(200)
                .json();
        assertThat(back.get("runningInstances").asLong()).isEqualTo(2);
        assertThat(auditActions("process_definition", v1))
                .containsExactly("process_definition.instances_resumed", "process_definition.instances_suspended");
        api.as("acme", REP, "POST", "/api/v1/process-definitions/" + v1 + "/resume")
                .send()
                .expect(403);
    }

    @Test
    void cancellingNeedsAReasonWhichHistoryAndTheAuditLogKeep() {
        String key = uniqueKey("admin-cancel");
        deploy(api, key, review(key, "Review"));
        ProcessInstance instance = start(key, "deal:" + UUID.randomUUID(), Map.of());
        String path = "/api/v1/process-instances/" + instance.getId() + "/cancel";

        assertField(post("acme", OPS, path, null), "reason");
        assertField(post("acme", OPS, path, Map.of()), "reason");
        assertField(post("acme", OPS, path, Map.of("reason", "   ")), "reason");
        assertField(post("acme", OPS, path, Map.of("reason", "x".repeat(501))), "reason");
        assertField(post("acme", OPS, path, Map.of("reason", "Duplicate", "force", true)), "force");
        post("globex", GLOBEX_ADMIN, path, Map.of("reason", "Not mine")).expect(404);
        post("acme", REP, path, Map.of("reason", "Not allowed")).expect(403);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isEqualTo(1);

        post("acme", OPS, path, Map.of("reason", "Started twice for the same deal"))
                .expect(204);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        JsonNode detail = get(OPS, "/api/v1/process-instances/" + instance.getId());
        assertThat(detail.get("state").asText()).isEqualTo("cancelled");
        assertThat(detail.get("deleteReason").asText()).isEqualTo("Started twice for the same deal");
        assertThat(detail.get("endedAt").asText()).isNotBlank();
        JsonNode audit = get(
                        "admin@acme.test",
                        "/api/v1/audit-log?resourceType=process_instance&resourceId=" + instance.getId())
                .get("items")
                .get(0);
        assertThat(audit.get("action").asText()).isEqualTo("process_instance.cancelled");
        assertThat(audit.get("after").get("reason").asText()).isEqualTo("Started twice for the same deal");
        assertThat(audit.get("before").get("currentActivityIds").get(0).asText())
                .isEqualTo("Task_Review");

        post("acme", OPS, path, Map.of("reason", "Again")).expect(409);
        post("acme", OPS, "/api/v1/process-instances/" + instance.getId() + "/suspend", null)
                .expect(409);
        post("acme", OPS, "/api/v1/process-instances/no-such-instance/cancel", Map.of("reason", "x"))
                .expect(404);
    }

    @Test
    void aFailedJobBecomesAnIncidentThatOpsRetry() {
        String key = uniqueKey("admin-incident");
        // The catalogue's approve delegate, without the approvalId it needs: the job fails every time it runs.
        String definition = deploy(
                api,
                key,
                Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(30)
                        .startEvent()
                        .serviceTask("Task_Approve")
                        .camundaDelegateExpression("${dealApprovalApprove}")
                        .camundaAsyncBefore()
                        .endEvent()
                        .done());
        ProcessInstance instance = start(key, null, Map.of());
        Job job =
                management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // The delegate fails; the engine counts the retry down.
            }
        }
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isZero();

        JsonNode incidents = get(OPS, "/api/v1/incidents?processInstanceId=" + instance.getId());
        assertThat(incidents.get("items")).hasSize(1);
        JsonNode incident = incidents.get("items").get(0);
        assertThat(incident.get("type").asText()).isEqualTo("failedJob");
        assertThat(incident.get("jobId").asText()).isEqualTo(job.getId());
        assertThat(incident.get("activityId").asText()).isEqualTo("Task_Approve");
        assertThat(incident.get("processKey").asText()).isEqualTo(key);
        assertThat(incident.get("processDefinitionId").asText()).isEqualTo(definition);
        assertThat(incident.get("occurredAt").asText()).isNotBlank();
        assertThat(ids(get(OPS, "/api/v1/incidents?processKey=" + key)))
                .containsExactly(incident.get("id").asText());
        assertThat(ids(get(OPS, "/api/v1/process-instances?processKey=" + key + "&withIncidents=true")))
                .containsExactly(instance.getId());
        assertThat(get(OPS, "/api/v1/process-instances/" + instance.getId())
                        .get("incidents")
                        .findValuesAsText("id"))
                .containsExactly(incident.get("id").asText());
        assertThat(get(OPS, "/api/v1/process-definitions/" + key + "/versions")
                        .get("items")
                        .get(0)
                        .get("openIncidents")
                        .asLong())
                .isEqualTo(1);

        String retry = "/api/v1/incidents/" + incident.get("id").asText() + "/retry";
        post("globex", GLOBEX_ADMIN, retry, null).expect(404);
        post("acme", REP, retry, null).expect(403);
        api.as("acme", REP, "GET", "/api/v1/incidents").send().expect(403);
        assertThat(ids(get(GLOBEX_ADMIN, "/api/v1/incidents?processKey=" + key)))
                .isEmpty();

        JsonNode retried = post("acme", OPS, retry, null).expect(200).json();
        assertThat(retried.get("jobId").asText()).isEqualTo(job.getId());
        assertThat(retried.get("retries").asInt()).isEqualTo(1);
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isEqualTo(1);
        assertThat(ids(get(OPS, "/api/v1/incidents?processInstanceId=" + instance.getId())))
                .isEmpty();
        assertThat(auditActions("incident", incident.get("id").asText())).containsExactly("incident.retried");
        post("acme", OPS, retry, null).expect(404);
    }

    @Test
    void aFailedExternalTaskIsRetriedOnTheExternalTask() {
        String key = uniqueKey("admin-external");
        String topic = key + "-topic";
        deploy(
                api,
                key,
                Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(30)
                        .startEvent()
                        .serviceTask("Task_External")
                        .camundaExternalTask(topic)
                        .endEvent()
                        .done());
        ProcessInstance instance = start(key, null, Map.of());
        List<LockedExternalTask> locked = externalTasks
                .fetchAndLock(1, "admin-test-worker")
                .topic(topic, 60_000)
                .tenantIdIn("acme")
                .execute();
        assertThat(locked).hasSize(1);
        externalTasks.handleFailure(locked.get(0).getId(), "admin-test-worker", "Worker gave up", 0, 0);

        JsonNode incident = get(OPS, "/api/v1/incidents?processInstanceId=" + instance.getId())
                .get("items")
                .get(0);
        assertThat(incident.get("type").asText()).isEqualTo("failedExternalTask");
        assertThat(incident.get("externalTaskId").asText())
                .isEqualTo(locked.get(0).getId());
        assertThat(incident.get("message").asText()).isEqualTo("Worker gave up");

        JsonNode retried = post(
                        "acme", OPS, "/api/v1/incidents/" + incident.get("id").asText() + "/retry", null)
                .expect(200)
                .json();
        assertThat(retried.get("externalTaskId").asText())
                .isEqualTo(locked.get(0).getId());
        assertThat(externalTasks
                        .createExternalTaskQuery()
                        .externalTaskId(locked.get(0).getId())
                        .singleResult()
                        .getRetries())
                .isEqualTo(1);
        assertThat(ids(get(OPS, "/api/v1/incidents?processInstanceId=" + instance.getId())))
                .isEmpty();
    }
}
