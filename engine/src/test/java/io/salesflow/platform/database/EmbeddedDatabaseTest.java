package io.salesflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The embedded database keeps its data across restarts and stays off when a database is configured. */
class EmbeddedDatabaseTest {

    private final DatabaseRoles roles = new DatabaseRoles("salesflow_owner", "salesflow_app");

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt(@TempDir Path dir) {
        EmbeddedDatabaseProperties properties =
                new EmbeddedDatabaseProperties(dir.resolve("pgdata"), 0, false, "salesflow", "owner-pw", "app-pw");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            JdbcTemplate owner = new JdbcTemplate(asOwner(first, properties));
            owner.execute("CREATE TABLE restart_probe (note text)");
            owner.update("INSERT INTO restart_probe VALUES ('kept')");
        } finally {
            first.stop();
        }
        EmbeddedPostgresServer second = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            String note = new JdbcTemplate(asOwner(second, properties))
                    .queryForObject("SELECT note FROM restart_probe", String.class);
            assertThat(note).isEqualTo("kept");
        } finally {
            second.stop();
        }
    }

    @Test
    void theRolesNeedTheirPasswords(@TempDir Path dir) {
        EmbeddedDatabaseProperties properties =
                new EmbeddedDatabaseProperties(dir.resolve("pgdata"), 0, false, "salesflow", "owner-pw", "app-pw");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            DataSource wrong = new SimpleDriverDataSource(
                    new org.postgresql.Driver(), server.jdbcUrl(), "salesflow_app", "not-the-password");
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> new JdbcTemplate(wrong).queryForObject("SELECT 1", Integer.class));
            assertThat(refused).rootCause().hasMessageContaining("password authentication failed");
        } finally {
            server.stop();
        }
    }

    @Test
    void noEmbeddedDatabaseStartsWhenADatasourceUrlIsConfigured() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class, Properties.class)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/salesflow")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context).doesNotHaveBean(DataSource.class);
                });
    }

    private static DataSource asOwner(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), server.jdbcUrl(), "salesflow_owner", properties.ownerPassword());
    }

    @EnableConfigurationProperties({EmbeddedDatabaseProperties.class, DatabaseRoles.class})
    static class Properties {}
}
