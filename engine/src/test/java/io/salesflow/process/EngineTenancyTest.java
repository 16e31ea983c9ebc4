package io.salesflow.process;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine objects stay in their tenant. The engine's tenant check shows an object without a tenant to every tenant,
 * so none can be made: not through the engine's API (the only caller left there is the platform operator, and even
 * they must name the workspace), not through the engine's Java API (the database refuses the row). With acme and
 * globex each running the same process, neither sees anything of the other.
 */
@IntegrationTest
class EngineTenancyTest {

    private static final List<String> TENANT_TABLES = List.of(
            "act_re_deployment",
            "act_re_procdef",
            "act_re_decision_def",
            "act_re_decision_req_def",
            "act_re_case_def",
            "act_re_camformdef",
            "act_ru_execution",
            "act_ru_case_execution",
            "act_ru_task",
            "act_ru_ext_task");

    @Autowired
    Api api;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    private static BpmnModelInstance approval(String key) {
        return Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("UserTask_Approve")
                .name("Approve")
                .endEvent()
                .done();
    }

    @Test
    void twoWorkspacesRunningTheSameProcessShareNothing() {
        String key = "shared_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (String tenant : List.of("acme", "globex")) {
            repositoryService
                    .createDeployment()
                    .tenantId(tenant)
                    .addModelInstance(key + ".bpmn", approval(key))
                    .deploy();
            runtimeService
                    .createProcessInstanceByKey(key)
                    .processDefinitionTenantId(tenant)
                    .businessKey("lead:" + tenant)
                    .execute();
        }
        for (String tenant : List.of("acme", "globex")) {
            List<String> seen =
                    as(tenant, () -> taskService.createTaskQuery().processDefinitionKey(key).listPage(0, 50).stream()
                            .map(Task::getTenantId)
                            .toList());
            assertThat(seen).containsExactly(tenant);
            assertThat(as(tenant, () -> runtimeService
                            .createProcessInstanceQuery()
                            .processDefinitionKey(key)
                            .listPage(0, 50)))
                    .extracting(p -> p.getBusinessKey())
                    .containsExactly("lead:" + tenant);
            assertThat(as(tenant, () -> repositoryService
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(key)
                            .listPage(0, 50)))
                    .extracting(d -> d.getTenantId())
                    .containsExactly(tenant);
        }
        for (String table : TENANT_TABLES) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id_ IS NULL", Long.class))
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void theEngineStoresNoDeploymentOrTaskWithoutATenant() {
        assertThatThrownBy(() -> repositoryService
                        .createDeployment()
                        .addModelInstance("untenanted.bpmn", approval("untenanted"))
                        .deploy())
                .isInstanceOf(ProcessEngineException.class);
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("untenanted")
                        .count())
                .isZero();

        Task task = taskService.newTask();
        task.setName("Untenanted");
        assertThatThrownBy(() -> taskService.saveTask(task)).isInstanceOf(ProcessEngineException.class);
        assertThat(taskService.createTaskQuery().taskName("Untenanted").count()).isZero();
    }

    @Test
    void theEngineApiMakesNothingWithoutAWorkspace() {
        assertField(
                api.asOperator("POST", "/engine-rest/task/create")
                        .json(Map.of("name", "Untenanted"))
                        .send(),
                "tenantId");
        assertField(
                api.asOperator("POST", "/engine-rest/filter/create")
                        .json(Map.of("resourceType", "Task", "name", "All tasks", "query", Map.of()))
                        .send(),
                "query.tenantIdIn");
        assertField(
                api.asOperator("POST", "/engine-rest/filter/create")
                        .json(Map.of(
                                "resourceType",
                                "Task",
                                "name",
                                "Both",
                                "query",
                                Map.of("tenantIdIn", List.of("acme", "globex"))))
                        .send(),
                "query.tenantIdIn");
        for (String path : List.of("/engine-rest/message", "/engine-rest/signal", "/engine-rest/condition")) {
            assertField(
                    api.asOperator("POST", path)
                            .json(Map.of("messageName", "x", "name", "x"))
                            .send(),
                    "tenantId");
            assertField(
                    api.asOperator("POST", path)
                            .json(Map.of("messageName", "x", "name", "x", "tenantId", "acme", "withoutTenantId", true))
                            .send(),
                    "withoutTenantId");
        }
        assertThat(taskService.createTaskQuery().taskName("Untenanted").count()).isZero();
    }

    @Test
    void theEngineApiRefusesRawDeployments() {
        Api.Response r = api.asOperator("POST", "/engine-rest/deployment/create")
                .multipart(new io.salesflow.support.Multipart()
                        .field("tenant-id", "acme")
                        .file(
                                "model.bpmn",
                                "model.bpmn",
                                "application/xml",
                                Bpmn.convertToString(approval("raw"))
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("raw")
                        .count())
                .isZero();
    }

    @Test
    void aTaskOrFilterMadeThroughTheEngineApiBelongsToItsWorkspace() {
        String name = "Call back " + UUID.randomUUID();
        api.asOperator("POST", "/engine-rest/task/create")
                .json(Map.of("name", name, "tenantId", "acme"))
                .send()
                .expect(204);
        assertThat(as(
                        "globex",
                        () -> taskService.createTaskQuery().taskName(name).count()))
                .isZero();
        assertThat(as("acme", () -> taskService
                        .createTaskQuery()
                        .taskName(name)
                        .singleResult()
                        .getTenantId()))
                .isEqualTo("acme");
        api.asOperator("POST", "/engine-rest/filter/create")
                .json(Map.of("resourceType", "Task", "name", name, "query", Map.of("tenantIdIn", List.of("acme"))))
                .send()
                .expect(200);
    }

    private <T> T as(String tenant, Supplier<T> work) {
        identityService.setAuthentication("probe-" + tenant, List.of(), List.of(tenant));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
