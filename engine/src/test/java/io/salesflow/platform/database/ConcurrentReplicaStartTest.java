package io.salesflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesflowApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replicas started at the same moment on one fresh database all come up: two whole applications, each in a thread
 * of its own, against a PostgreSQL cluster of this test's own (not the suite's), as an external database is used.
 */
class ConcurrentReplicaStartTest {

    private final DatabaseRoles roles = new DatabaseRoles("salesflow_owner", "salesflow_app");

    @Test
    void twoReplicasStartedTogetherOnAFreshDatabaseBothBecomeReady() throws Exception {
        EmbeddedDatabaseProperties properties =
                new EmbeddedDatabaseProperties(Path.of("unused"), 0, true, "salesflow", "owner-pw", "app-pw");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDedicated(properties, roles);
        List<CompletableFuture<ConfigurableApplicationContext>> replicas = new ArrayList<>();
        try {
            CountDownLatch together = new CountDownLatch(1);
            for (String name : List.of("replicaA", "replicaB")) {
                replicas.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(together);
                    return replica().run(arguments(name, server, properties));
                }));
            }
            together.countDown();
            CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);

            for (CompletableFuture<ConfigurableApplicationContext> replica : replicas) {
                assertThat(replica.get().getBean(ApplicationAvailability.class).getReadinessState())
                        .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            }
            JdbcTemplate superuser = new JdbcTemplate(server.superuserDataSource());
            assertThat(superuser.queryForList("SELECT slug FROM tenants ORDER BY slug", String.class))
                    .containsExactly("acme", "globex");
            assertThat(superuser.queryForList("SELECT id_ FROM act_id_tenant ORDER BY id_", String.class))
                    .containsExactly("acme", "globex");
            assertThat(superuser.queryForObject(
                            "SELECT count(*) FROM scoring_rule_sets r JOIN tenants t ON t.id = r.tenant_id"
                                    + " WHERE t.slug = 'acme'",
                            Integer.class))
                    .isEqualTo(1);
        } finally {
            for (CompletableFuture<ConfigurableApplicationContext> replica : replicas) {
                replica.thenAccept(ConfigurableApplicationContext::close)
                        .exceptionally(e -> null)
                        .join();
            }
            server.stop();
        }
    }

    private static SpringApplicationBuilder replica() {
        return new SpringApplicationBuilder(SalesflowApplication.class)
                .initializers(ProductionBeansOnly::register)
                .profiles("test");
    }

    /** One replica as an installation runs it with an external PostgreSQL (docs/operations.md). */
    private static String[] arguments(
            String name, EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        return new String[] {
            "--spring.datasource.url=" + server.jdbcUrl(),
            "--spring.datasource.username=salesflow_app",
            "--spring.datasource.password=" + properties.appPassword(),
            "--spring.flyway.user=salesflow_owner",
            "--spring.flyway.password=" + properties.ownerPassword(),
            "--server.port=0",
            // The JVM is the suite's: engines register under their name in it, and Camunda's webapps keep state in
            // it that a second application breaks (Cockpit's API answered 500 in the suite's context afterwards).
            // Neither takes part in provisioning.
            "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.webapp.enabled=false"
        };
    }

    /** Leaves out the test sources' components (probes, fixtures of the suite's own context). */
    static final class ProductionBeansOnly extends TypeExcludeFilter {

        static void register(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("productionBeansOnly", new ProductionBeansOnly());
        }

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ProductionBeansOnly;
        }

        @Override
        public int hashCode() {
            return ProductionBeansOnly.class.hashCode();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
