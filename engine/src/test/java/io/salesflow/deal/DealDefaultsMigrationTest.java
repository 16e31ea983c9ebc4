package io.salesflow.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.platform.database.DatabaseRoles;
import io.salesflow.platform.database.EmbeddedDatabaseProperties;
import io.salesflow.platform.database.EmbeddedPostgresServer;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Installations that had tenants before deals existed: the V10 migration gives each of them the default
 * pipeline and reasons, and V29 the approval of its "Negotiation" stage, as the owner role, under forced row-level
 * security. Runs in a database of its own.
 */
@IntegrationTest
class DealDefaultsMigrationTest {

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    EmbeddedDatabaseProperties properties;

    @Autowired
    DatabaseRoles roles;

    @Test
    void tenantsThatExistedBeforeDealsGetTheDefaultPipelineAndReasons() {
        String database = "deals_migration_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate superuser = new JdbcTemplate(server.superuserDataSource());
        superuser.execute("CREATE DATABASE " + database + " OWNER " + roles.ownerRole());
        String url = "jdbc:postgresql://localhost:" + server.port() + "/" + database;
        SingleConnectionDataSource owner =
                new SingleConnectionDataSource(url, roles.ownerRole(), properties.ownerPassword(), true);
        try {
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(url, roles.ownerRole(), properties.ownerPassword())
                    .placeholders(Map.of("app_role", roles.appRole()));
            flyway.target(MigrationVersion.fromVersion("7")).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(owner);
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            jdbc.update(
                    "INSERT INTO tenants (id, slug, name) VALUES (?, 'first', 'First'), (?, 'second', 'Second')",
                    first,
                    second);

            flyway.target(MigrationVersion.LATEST).load().migrate();

            for (UUID tenant : List.of(first, second)) {
                jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, false)", String.class, tenant.toString());
                assertThat(jdbc.queryForList("SELECT name FROM pipelines WHERE is_default", String.class))
                        .containsExactly("Sales");
                assertThat(jdbc.queryForList(
                                "SELECT name || ':' || probability || ':' || closed || ':' || won || ':'"
                                        + " || requires_approval FROM pipeline_stages ORDER BY position",
                                String.class))
                        .as("the same stages as a tenant provisioned now, approval included (V29)")
                        .containsExactlyElementsOf(DealDefaultsProvisioner.SALES_STAGES.stream()
                                .map(st -> st.name() + ":" + st.probability() + ":" + st.closed() + ":" + st.won() + ":"
                                        + st.requiresApproval())
                                .toList());
                List<String> reasons = new ArrayList<>();
                DealDefaultsProvisioner.WON_REASONS.forEach(r -> reasons.add("WON:" + r));
                DealDefaultsProvisioner.LOST_REASONS.forEach(r -> reasons.add("LOST:" + r));
                assertThat(jdbc.queryForList(
                                "SELECT kind || ':' || label FROM deal_reasons ORDER BY kind DESC, position",
                                String.class))
                        .containsExactlyElementsOf(reasons);
            }
        } finally {
            owner.destroy();
            superuser.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }
}
