package io.salesflow.processes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * One Camunda engine per JVM on a real PostgreSQL, the job executor off: tests fire timers and run jobs
 * themselves. Expressions resolve beans only from {@link #beans()}, which each test fills with stand-ins for the
 * engine application's beans, the same way the application limits them to its catalogue.
 */
final class ProcessTestEngine {

    private static final Map<Object, Object> BEANS = new HashMap<>();
    private static ProcessEngine engine;

    private ProcessTestEngine() {}

    static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = start();
        }
        return engine;
    }

    static Map<Object, Object> beans() {
        return BEANS;
    }

    private static ProcessEngine start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data directory is temporary
            }
        }));
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration
                .setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"))
                .setJdbcUsername("postgres")
                .setJdbcPassword("postgres")
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName("process-tests");
        configuration.setBeans(BEANS);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        return configuration.buildProcessEngine();
    }
}
