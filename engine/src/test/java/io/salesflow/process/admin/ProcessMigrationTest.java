package io.salesflow.process.admin;

import static io.salesflow.process.admin.AdminProcesses.GLOBEX_ADMIN;
import static io.salesflow.process.admin.AdminProcesses.OPS;
import static io.salesflow.process.admin.AdminProcesses.REP;
import static io.salesflow.process.admin.AdminProcesses.deploy;
import static io.salesflow.process.admin.AdminProcesses.uniqueKey;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moving running instances to a new version: a dry run says which would move and which cannot (an instance waiting
 * in an activity the new version dropped) and changes nothing; a real run moves all it names or none; the caller's
 * instructions map what the versions do not share; bad requests are refused field by field.
 */
@IntegrationTest
class ProcessMigrationTest {

    private static final String PATH = "/api/v1/process-migrations";

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    private String key;
    private String v1;
    private String v2;

    /** Version 1 asks for a review and then a signature; version 2 drops the signature. */
    @BeforeEach
    void twoVersions() {
        key = uniqueKey("admin-migrate");
        v1 = deploy(api, key, model(key, true));
        v2 = deploy(api, key, model(key, false));
    }

    private static org.camunda.bpm.model.bpmn.BpmnModelInstance model(String key, boolean withSignature) {
        AbstractFlowNodeBuilder<?, ?> review = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(30)
                .startEvent("Start")
                .userTask("Task_Review")
                .name("Review");
        return (withSignature ? review.userTask("Task_Sign").name("Sign") : review)
                .endEvent("End")
                .done();
    }

    private ProcessInstance startOnV1() {
        return runtime.createProcessInstanceById(v1).execute();
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getProcessDefinitionId();
    }

    private Api.Response migrate(String tenant, String user, Map<String, Object> body) {
        return api.as(tenant, user, "POST", PATH).json(body).send();
    }

    private Map<String, Object> request(boolean dryRun) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceDefinitionId", v1);
        body.put("targetDefinitionId", v2);
        body.put("dryRun", dryRun);
        return body;
    }

    private Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @Test
    void aDryRunSaysWhatWouldMoveAndARealRunMovesAllItNamesOrNone() {
        ProcessInstance signing = startOnV1();
        tasks.complete(tasks.createTaskQuery()
                .processInstanceId(signing.getId())
                .singleResult()
                .getId());
        ProcessInstance reviewing = startOnV1();
        ProcessInstance reviewingToo = startOnV1();

        JsonNode dryRun = migrate("acme", OPS, request(true)).expect(200).json();
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("processKey").asText()).isEqualTo(key);
        assertThat(dryRun.get("sourceVersion").asInt()).isEqualTo(1);
        assertThat(dryRun.get("targetVersion").asInt()).isEqualTo(2);
        assertThat(dryRun.get("count").asInt()).isEqualTo(2);
        assertThat(ids(dryRun.get("instanceIds"))).containsExactlyInAnyOrder(reviewing.getId(), reviewingToo.getId());
        assertThat(dryRun.get("instructions").findValuesAsText("from")).containsExactly("Task_Review");
        assertThat(dryRun.get("planFailures")).isEmpty();
        JsonNode refused = dryRun.get("notMigratable");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("instanceId").asText()).isEqualTo(signing.getId());
        assertThat(refused.get(0).get("failures").get(0).asText()).startsWith("Task_Sign: ");
        assertThat(List.of(definitionOf(signing), definitionOf(reviewing), definitionOf(reviewingToo)))
                .containsOnly(v1);

        JsonNode all = migrate("acme", OPS, request(false)).expect(409).json();
        assertThat(all.get("type").asText()).endsWith("migration-refused");
        assertThat(all.get("notMigratable").get(0).get("instanceId").asText()).isEqualTo(signing.getId());
        assertThat(List.of(definitionOf(signing), definitionOf(reviewing), definitionOf(reviewingToo)))
                .containsOnly(v1);

        JsonNode moved = migrate(
                        "acme",
                        OPS,
                        with(request(false), "instanceIds", List.of(reviewing.getId(), reviewingToo.getId())))
                .expect(200)
                .json();
        assertThat(moved.get("dryRun").asBoolean()).isFalse();
        assertThat(moved.get("count").asInt()).isEqualTo(2);
        assertThat(definitionOf(reviewing)).isEqualTo(v2);
        assertThat(definitionOf(reviewingToo)).isEqualTo(v2);
        assertThat(definitionOf(signing)).isEqualTo(v1);
        assertThat(api.as(
                                "acme",
                                "admin@acme.test",
                                "GET",
                                "/api/v1/audit-log?resourceType=process_definition&resourceId=" + v1)
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("action"))
                .containsExactly("process_instances.migrated");

        // What the versions do not share, the caller maps: the signature becomes the review again.
        Map<String, Object> mapped =
                with(request(true), "instructions", List.of(Map.of("from", "Task_Sign", "to", "Task_Review")));
        JsonNode mappedDryRun = migrate("acme", OPS, mapped).expect(200).json();
        assertThat(ids(mappedDryRun.get("instanceIds"))).containsExactly(signing.getId());
        assertThat(mappedDryRun.get("notMigratable")).isEmpty();
        migrate("acme", OPS, with(mapped, "dryRun", false)).expect(200);
        assertThat(definitionOf(signing)).isEqualTo(v2);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(signing.getId())
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("Task_Review");
    }

    @Test
    void aPlanTheEngineRefusesIsReportedOnADryRunAndRefusedOnARealOne() {
        ProcessInstance instance = startOnV1();
        List<Map<String, String>> unknown = List.of(Map.of("from", "Task_Nope", "to", "Task_Review"));

        JsonNode dryRun = migrate("acme", OPS, with(request(true), "instructions", unknown))
                .expect(200)
                .json();
        assertThat(dryRun.get("count").asInt()).isZero();
        assertThat(dryRun.get("planFailures").findValuesAsText("from")).contains("Task_Nope");
        assertThat(dryRun.get("notMigratable").findValuesAsText("instanceId")).containsExactly(instance.getId());

        JsonNode refused = migrate("acme", OPS, with(request(false), "instructions", unknown))
                .expect(422)
                .json();
        assertThat(refused.get("type").asText()).endsWith("migration-plan-invalid");
        assertThat(refused.get("planFailures").findValuesAsText("from")).contains("Task_Nope");
        assertThat(definitionOf(instance)).isEqualTo(v1);
    }

    @Test
    void badRequestsAreRefusedFieldByFieldAndOtherWorkspacesFindNothing() {
        ProcessInstance instance = startOnV1();
        String otherKey = uniqueKey("admin-other");
        String other = deploy(api, otherKey, model(otherKey, false));
        String globexDefinition = repository
                .createProcessDefinitionQuery()
                .tenantIdIn("globex")
                .processDefinitionKey("lead-nurture")
                .latestVersion()
                .singleResult()
                .getId();

        JsonNode empty = migrate("acme", OPS, Map.of()).expect(400).json();
        assertThat(empty.get("errors").findValuesAsText("field"))
                .containsExactly("sourceDefinitionId", "targetDefinitionId", "dryRun");
        assertField(migrate("acme", OPS, with(request(true), "dryRun", "perhaps")), "dryRun");
        assertField(migrate("acme", OPS, with(request(true), "force", true)), "force");
        assertField(migrate("acme", OPS, with(request(true), "targetDefinitionId", other)), "targetDefinitionId");
        assertField(migrate("acme", OPS, with(request(true), "targetDefinitionId", v1)), "targetDefinitionId");
        assertField(
                migrate("acme", OPS, with(request(true), "sourceDefinitionId", globexDefinition)),
                "sourceDefinitionId");
        assertField(migrate("acme", OPS, with(request(true), "instanceIds", List.of("nope"))), "instanceIds[0]");
        assertField(
                migrate("acme", OPS, with(request(true), "instanceIds", List.of(instance.getId(), instance.getId()))),
                "instanceIds[1]");
        assertField(
                migrate(
                        "acme",
                        OPS,
                        with(
                                request(true),
                                "instanceIds",
                                IntStream.range(0, 501).mapToObj(i -> "i" + i).toList())),
                "instanceIds");
        assertField(
                migrate("acme", OPS, with(request(true), "instructions", List.of(Map.of("from", "Task_Review")))),
                "instructions[0].to");
        assertField(
                migrate(
                        "acme",
                        OPS,
                        with(
                                request(true),
                                "instructions",
                                List.of(
                                        Map.of("from", "Task_Sign", "to", "Task_Review"),
                                        Map.of("from", "Task_Sign", "to", "End")))),
                "instructions[1].from");

        migrate("acme", REP, request(true)).expect(403);
        assertField(migrate("globex", GLOBEX_ADMIN, request(true)), "sourceDefinitionId");
        assertField(
                migrate(
                        "globex",
                        GLOBEX_ADMIN,
                        Map.of(
                                "sourceDefinitionId", globexDefinition,
                                "targetDefinitionId", v2,
                                "dryRun", true)),
                "targetDefinitionId");
        assertThat(definitionOf(instance)).isEqualTo(v1);
    }

    private static List<String> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
