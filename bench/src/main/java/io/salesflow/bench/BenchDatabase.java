package io.salesflow.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL 17 (the zonky binaries the application ships with) for the whole run: the bare engine gets
 * the database {@code camunda_bare} ({@code camunda_bare_audit} at history level audit), Salesflow gets {@code salesflow} with its owner and app roles, created the way
 * docs/operations.md tells an operator to. The zonky defaults (fsync and synchronous commit off) apply to both alike.
 */
final class BenchDatabase implements AutoCloseable {

    static final String BARE = "camunda_bare";
    static final String BARE_AUDIT = "camunda_bare_audit";
    static final String APP = "salesflow";
    static final String OWNER_ROLE = "salesflow_owner";
    static final String APP_ROLE = "salesflow_app";
    static final String OWNER_PASSWORD = "bench-owner";
    static final String APP_PASSWORD = "bench-app";

    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchDatabase start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
        BenchDatabase db = new BenchDatabase(postgres);
        db.prepare();
        return db;
    }

    private void prepare() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + BARE);
            s.execute("CREATE DATABASE " + BARE_AUDIT);
            s.execute("CREATE ROLE " + OWNER_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + OWNER_PASSWORD + "'");
            s.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '"
                    + APP_PASSWORD + "'");
            s.execute("CREATE DATABASE " + APP + " OWNER " + OWNER_ROLE);
            s.execute("REVOKE ALL ON DATABASE " + APP + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + APP + " TO " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the benchmark databases", e);
        }
        try (Connection c = superuser(APP).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the Salesflow schema", e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** The superuser on a database: the bare engine's login, and the harness's look at Salesflow's tables. */
    DataSource superuser(String database) {
        return postgres.getDatabase("postgres", database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e);
        }
    }
}
