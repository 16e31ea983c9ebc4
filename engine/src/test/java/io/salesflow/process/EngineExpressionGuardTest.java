package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attack of issue 12, tried for real: a JUEL expression in a task query runs any Java method on the server.
 * Each payload would create a marker file (the operating-system command) or change a static field if the engine
 * evaluated it. As the platform operator — the only caller left who reaches the engine — every way the probe found
 * (task query and count with {@code orQueries}, a filter created with one and listed, a filter changed to one, query
 * parameters) is refused with a 400 naming the key, and nothing ran. Without {@link EngineRequestGuard} these
 * tests fail; without it and {@link QueryExpressionBarrier} the marker appears.
 */
@IntegrationTest
class EngineExpressionGuardTest {

    /** What the static-field payload would set. */
    public static volatile Object hit;

    @Autowired
    Api api;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @TempDir
    Path temp;

    private Path marker;

    @BeforeEach
    void noMarkerYet() {
        marker = temp.resolve("marker-" + UUID.randomUUID());
        hit = null;
    }

    @AfterEach
    void nothingRan() {
        assertThat(marker).as("the operating-system command ran").doesNotExist();
        assertThat(hit).as("the static field was changed").isNull();
    }

    /** Both payloads: one runs {@code touch <marker>}, the other sets {@link #hit}. */
    private List<String> payloads() {
        return List.of(
                "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                        + ".exec(\"touch " + marker + "\")}",
                "${\"\".getClass().forName(\"" + EngineExpressionGuardTest.class.getName()
                        + "\").getField(\"hit\").set(null, \"changed\")}");
    }

    /** The probe's exact request, and its twin on the count endpoint. */
    @Test
    void aTaskQueryOrCountWithAnExpressionInOrQueriesIsRefused() {
        for (String payload : payloads()) {
            for (String path : List.of("/engine-rest/task?maxResults=1", "/engine-rest/task/count")) {
                Api.Response r = api.asOperator("POST", path)
                        .json(Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))))
                        .send();
                assertRefused(r, "orQueries[0].assigneeExpression");
            }
        }
    }

    @Test
    void anExpressionDeeperDownOrInAnyCaseIsRefusedToo() {
        String payload = payloads().get(0);
        assertRefused(
                api.asOperator("POST", "/engine-rest/task")
                        .json(Map.of(
                                "orQueries",
                                List.of(Map.of("processVariables", List.of(Map.of("DUEAFTEREXPRESSION", payload))))))
                        .send(),
                "orQueries[0].processVariables[0].DUEAFTEREXPRESSION");
        assertRefused(
                api.asOperator("POST", "/engine-rest/task")
                        .json(Map.of("expressions", Map.of("assignee", payload)))
                        .send(),
                "expressions");
    }

    @Test
    void aFilterCreatedWithAnExpressionIsRefusedAndAStoredFilterIsNotListedWithOne() {
        for (String payload : payloads()) {
            assertRefused(
                    api.asOperator("POST", "/engine-rest/filter/create")
                            .json(filter(Map.of(
                                    "tenantIdIn", List.of("acme"),
                                    "orQueries", List.of(Map.of("dueAfterExpression", payload)))))
                            .send(),
                    "query.orQueries[0].dueAfterExpression");
            String id = createFilter();
            assertRefused(
                    api.asOperator("POST", "/engine-rest/filter/" + id + "/list")
                            .json(Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))))
                            .send(),
                    "orQueries[0].assigneeExpression");
            assertRefused(
                    api.asOperator("POST", "/engine-rest/filter/" + id + "/count")
                            .json(Map.of("candidateUserExpression", payload))
                            .send(),
                    "candidateUserExpression");
            api.asOperator("GET", "/engine-rest/filter/" + id + "/list?maxResults=10")
                    .send()
                    .expect(200);
        }
    }

    @Test
    void aFilterChangedToAnExpressionIsRefusedAndKeepsItsQuery() {
        String id = createFilter();
        for (String payload : payloads()) {
            assertRefused(
                    api.asOperator("PUT", "/engine-rest/filter/" + id)
                            .json(filter(Map.of(
                                    "tenantIdIn", List.of("acme"),
                                    "orQueries", List.of(Map.of("assigneeExpression", payload)))))
                            .send(),
                    "query.orQueries[0].assigneeExpression");
        }
        assertThat(filterService.getFilter(id).getQuery().toString()).doesNotContain("Expression");
    }

    @Test
    void queryParametersNamingAnExpressionAreRefusedHoweverTheyAreSpelled() {
        String payload = URLEncoder.encode(payloads().get(0), StandardCharsets.UTF_8);
        assertRefused(
                api.asOperator("GET", "/engine-rest/task?assigneeExpression=" + payload)
                        .send(),
                "assigneeExpression");
        assertRefused(
                api.asOperator("GET", "/engine-rest/task/count?assignee%45xpression=" + payload)
                        .send(),
                "assigneeExpression");
        assertRefused(
                api.asOperator("GET", "/camunda/api/engine/engine/default/task?dueBeforeExpression=" + payload)
                        .send(),
                "dueBeforeExpression");
        assertRefused(
                api.asOperator("GET", "/engine-rest/engine/default/task?followUpAfterExpression=" + payload)
                        .send(),
                "followUpAfterExpression");
    }

    /** The second lock: whatever reaches the engine another way, the engine evaluates no query expression. */
    @Test
    void theEngineItselfEvaluatesNoExpressionInAnOrQuery() {
        for (String payload : payloads()) {
            TaskQuery query = taskService
                    .createTaskQuery()
                    .or()
                    .taskAssigneeExpression(payload)
                    .endOr();
            assertThatThrownBy(query::list).isInstanceOf(ProcessEngineException.class);
            assertThatThrownBy(query::count).isInstanceOf(ProcessEngineException.class);
            String id = createFilter();
            TaskQuery extending = taskService
                    .createTaskQuery()
                    .or()
                    .taskAssigneeExpression(payload)
                    .endOr();
            assertThatThrownBy(() -> filterService.list(id, extending)).isInstanceOf(ProcessEngineException.class);
        }
    }

    /** A filter stored with an expression (only the engine's Java API could try) never reaches the table. */
    @Test
    void noFilterWithAnExpressionIsStored() {
        Filter filter = filterService
                .newTaskFilter("sneaky")
                .setQuery(taskService
                        .createTaskQuery()
                        .tenantIdIn("acme")
                        .or()
                        .taskAssigneeExpression(payloads().get(1))
                        .endOr());
        assertThatThrownBy(() -> filterService.saveFilter(filter)).isInstanceOf(ProcessEngineException.class);
        assertThat(filterService.createFilterQuery().filterName("sneaky").count())
                .isZero();
    }

    private String createFilter() {
        return api.asOperator("POST", "/engine-rest/filter/create")
                .json(filter(Map.of("tenantIdIn", List.of("acme"))))
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText();
    }

    private static Map<String, Object> filter(Map<String, Object> query) {
        return Map.of("resourceType", "Task", "name", "Probe " + UUID.randomUUID(), "query", query);
    }

    private static void assertRefused(Api.Response r, String key) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(key);
    }
}
