package io.salesflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Nobody signs in to the embedded PostgreSQL without a password, its superuser included. */
class SuperuserAuthenticationTest {

    /** What Salesflow wrote into pg_hba.conf before the superuser had a password. */
    private static final String OLD_HBA =
            """
            # Written by Salesflow's embedded PostgreSQL bootstrap.
            local   all   postgres                 trust
            host    all   postgres   127.0.0.1/32  trust
            host    all   postgres   ::1/128       trust
            local   all   all                      scram-sha-256
            host    all   all        127.0.0.1/32  scram-sha-256
            host    all   all        ::1/128       scram-sha-256
            """;

    private final DatabaseRoles roles = new DatabaseRoles("salesflow_owner", "salesflow_app");

    @Test
    void theSuperuserNeedsThePasswordKeptForItOwnerOnly(@TempDir Path dir) throws Exception {
        EmbeddedDatabaseProperties properties = persistent(dir);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            assertPasswordsOnly(server);
            assertThat(Files.readString(dir.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");
            Path file = dir.resolve(SuperuserPassword.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            assertThat(signIn(server, Files.readString(file).strip())).isEqualTo(1);
        } finally {
            server.stop();
        }
    }

    @Test
    void aClusterOfAnOlderVersionStopsTrustingItsSuperuserAtStart(@TempDir Path dir) throws Exception {
        EmbeddedDatabaseProperties properties = persistent(dir);
        EmbeddedPostgresServer old = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            JdbcTemplate superuser = new JdbcTemplate(old.superuserDataSource());
            superuser.execute("CREATE TABLE kept (note text)");
            superuser.execute("INSERT INTO kept VALUES ('from before')");
            superuser.execute("ALTER ROLE postgres PASSWORD NULL");
        } finally {
            old.stop();
        }
        Files.writeString(dir.resolve("pgdata/pg_hba.conf"), OLD_HBA);
        Files.delete(dir.resolve(SuperuserPassword.FILE_NAME));

        EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            assertPasswordsOnly(upgraded);
            assertThat(Files.readString(dir.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");
            String password =
                    Files.readString(dir.resolve(SuperuserPassword.FILE_NAME)).strip();
            assertThat(signIn(upgraded, password)).isEqualTo(1);
            assertThat(new JdbcTemplate(upgraded.superuserDataSource())
                            .queryForObject("SELECT note FROM kept", String.class))
                    .isEqualTo("from before");
        } finally {
            upgraded.stop();
        }
    }

    @Test
    void anEphemeralClusterWantsPasswordsToo() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDedicated(
                new EmbeddedDatabaseProperties(Path.of("unused"), 0, true, "salesflow", "owner-pw", "app-pw"), roles);
        try {
            assertPasswordsOnly(server);
        } finally {
            server.stop();
        }
    }

    /** No rule trusts anyone, and the superuser is refused without its password or with a wrong one. */
    private static void assertPasswordsOnly(EmbeddedPostgresServer server) {
        Integer trusting = new JdbcTemplate(server.superuserDataSource())
                .queryForObject("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'", Integer.class);
        assertThat(trusting).isZero();
        assertThat(catchThrowable(() -> signIn(server, null))).hasMessageContaining("no password was provided");
        assertThat(catchThrowable(() -> signIn(server, "guessed")))
                .hasMessageContaining("password authentication failed for user \"postgres\"");
    }

    private static int signIn(EmbeddedPostgresServer server, String password) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + server.port() + "/postgres", credentials);
                var result = connection.createStatement().executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static EmbeddedDatabaseProperties persistent(Path dir) {
        return new EmbeddedDatabaseProperties(dir.resolve("pgdata"), 0, false, "salesflow", "owner-pw", "app-pw");
    }
}
