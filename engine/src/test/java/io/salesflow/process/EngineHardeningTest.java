package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Locale;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine runs with the safety settings of docs/architecture.md, whatever a later change does to the config. */
@IntegrationTest
class EngineHardeningTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    DataSource dataSource;

    @Autowired
    Api api;

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    @Test
    void javaSerializationOfVariablesIsOff() {
        assertThat(configuration().isJavaSerializationFormatEnabled()).isFalse();
    }

    @Test
    void expressionsInAdHocAndStoredQueriesAreOff() {
        assertThat(configuration().isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(configuration().isEnableExpressionsInStoredQueries()).isFalse();
    }

    @Test
    void queryResultsAreLimited() {
        assertThat(configuration().getQueryMaxResultsLimit()).isEqualTo(1000);
    }

    /**
     * Only Camunda's expression language runs: no JavaScript, Groovy or Python on the classpath, and MVEL (which
     * Drools brings along) refused by the engine.
     */
    @Test
    void noGeneralPurposeScriptLanguageRunsInTheEngine() {
        List<ScriptEngineFactory> factories = new ScriptEngineManager().getEngineFactories();
        assertThat(factories)
                .flatExtracting(ScriptEngineFactory::getNames)
                .map(n -> n.toLowerCase(Locale.ROOT))
                .doesNotContain(
                        "javascript", "js", "graal.js", "nashorn", "groovy", "python", "jython", "ruby", "kotlin");
        var engines = configuration().getScriptingEngines();
        for (ScriptEngineFactory factory : factories) {
            for (String name : factory.getNames()) {
                if (!name.equalsIgnoreCase("juel")) {
                    assertThatThrownBy(() -> inEngine(() -> engines.getScriptEngineForLanguage(name)))
                            .as(name)
                            .isInstanceOf(ProcessEngineException.class)
                            .hasMessageContaining("not allowed");
                }
            }
        }
        assertThat(inEngine(() -> engines.getScriptEngineForLanguage("juel"))).isNotNull();
    }

    private <T> T inEngine(java.util.function.Supplier<T> work) {
        return configuration().getCommandExecutorTxRequired().execute(context -> work.get());
    }

    @Test
    void theEngineNeverCreatesOrChangesItsSchemaItselfAndSharesOurDatabase() throws Exception {
        assertThat(configuration().getDatabaseSchemaUpdate()).isEqualTo("false");
        assertThat(configuration().isTenantCheckEnabled()).isTrue();
        try (var engineConnection = configuration().getDataSource().getConnection();
                var ourConnection = dataSource.getConnection()) {
            assertThat(engineConnection.getMetaData().getURL())
                    .isEqualTo(ourConnection.getMetaData().getURL());
            assertThat(engineConnection.getMetaData().getUserName()).isEqualTo("salesflow_app");
        }
    }

    @Test
    void engineTablesAreNotMappedOrPublishedByOurApi() {
        assertThat(entityManagerFactory.getMetamodel().getEntities())
                .extracting(e -> e.getJavaType().getName())
                .noneMatch(n -> n.startsWith("org.camunda"));
        JsonNode openApi = api.get("/v3/api-docs").send().expect(200).json();
        // Our API, and the signing pages' public API: nothing of the engine's own.
        openApi.get("paths").fieldNames().forEachRemaining(path -> assertThat(path)
                .matches("/api/(v1|public)/.*")
                .doesNotContain("engine-rest"));
        assertThat(openApi.toString().toLowerCase(Locale.ROOT)).doesNotContain("act_ru_", "act_hi_", "act_re_");
    }
}
