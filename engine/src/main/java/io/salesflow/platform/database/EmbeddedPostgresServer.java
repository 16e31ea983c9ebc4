package io.salesflow.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 cluster from the zonky binaries, started at most once per JVM and shared by
 * every Spring context in it (tests create several), with the owner and app roles and the database.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final EmbeddedDatabaseProperties properties;
    private int users;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        this.postgres = postgres;
        this.properties = properties;
    }

    /** Starts the cluster on first use; later callers in the same JVM get the running one. */
    public static synchronized EmbeddedPostgresServer shared(
            EmbeddedDatabaseProperties properties, DatabaseRoles roles) {
        if (shared == null) {
            shared = start(properties, roles);
            EmbeddedPostgresServer server = shared;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                server.awaitUnused(Duration.ofSeconds(60));
                                server.stop();
                            },
                            "embedded-postgres-stop"));
        }
        return shared;
    }

    /** A cluster of its own, not the JVM's shared one: for checking what survives a restart. Close it yourself. */
    static EmbeddedPostgresServer startDedicated(EmbeddedDatabaseProperties properties, DatabaseRoles roles) {
        return start(properties, roles);
    }

    private static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties, DatabaseRoles roles) {
        long started = System.nanoTime();
        Path dir = properties.ephemeral() ? null : properties.dataDirectory().toAbsolutePath();
        boolean fresh = dir == null || !Files.exists(dir.resolve("postgresql.conf"));
        boolean trusting = !fresh && PasswordAuthentication.trustsAnyone(dir);
        if (!fresh && !trusting && !Files.exists(dir.resolveSibling(SuperuserPassword.FILE_NAME))) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dir + " needs its superuser password from "
                    + dir.resolveSibling(SuperuserPassword.FILE_NAME) + ", which is missing. Put the file back, or"
                    + " move the data directory away to start with an empty database.");
        }
        SuperuserPassword password = dir == null ? SuperuserPassword.ephemeral() : SuperuserPassword.keptFor(dir);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setConnectConfig("password", password.value())
                    // A cluster of an older Salesflow keeps trusting its superuser until it has a password (below).
                    .setDataDirectoryCustomizer(d -> {
                        if (!trusting) {
                            PasswordAuthentication.require(d.toPath());
                        }
                    });
            if (fresh) {
                // initdb passes --<key>=<value> for these: the superuser gets its password when the cluster is made.
                builder.setLocaleConfig("pwfile", password.file().toString());
            }
            if (dir != null) {
                OrphanedPostgres.stopIfAny(dir);
            }
            if (properties.port() > 0) {
                requireFree(properties.port());
                builder.setPort(properties.port());
            }
            if (properties.ephemeral()) {
                builder.setCleanDataDirectory(true);
            } else {
                // The zonky defaults trade durability for speed (fsync off); data meant to survive needs it on.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                Files.createDirectories(dir.getParent());
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                password.forgetFile();
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, properties);
            if (trusting) {
                server.endTrust(dir, password);
            }
            server.bootstrap(roles);
            log.info(
                    "Embedded PostgreSQL 17 ready on port {} in {} ms",
                    server.port(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Upgrades a cluster made before the superuser had a password: sets it while the old {@code trust} lines
     * still let the superuser in, then makes every role use its password and has PostgreSQL reload that.
     */
    private void endTrust(Path dir, SuperuserPassword password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD " + literal(password.value()));
            PasswordAuthentication.require(dir);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded PostgreSQL superuser its password", e);
        }
        log.info(
                "The embedded PostgreSQL in {} now asks every role for its password; the superuser's is in {}",
                dir,
                password.file());
    }

    /**
     * Refuses a taken port: the start-up wait would otherwise connect to whatever PostgreSQL already listens
     * there (an older run's cluster, say) and the application would use the wrong database.
     */
    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for the embedded PostgreSQL is in use by another"
                    + " program (not a PostgreSQL that a previous Salesflow left running on this data directory:"
                    + " that one is stopped by itself). Stop it, or set salesflow.embedded-db.port"
                    + " (SALESFLOW_EMBEDDEDDB_PORT).");
        }
    }

    /** Creates the roles and the database once; safe to run against an existing cluster. */
    private void bootstrap(DatabaseRoles roles) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            ensureRole(c, roles.ownerRole(), properties.ownerPassword(), "LOGIN NOSUPERUSER NOBYPASSRLS");
            ensureRole(
                    c,
                    roles.appRole(),
                    properties.appPassword(),
                    "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", properties.database())) {
                s.execute("CREATE DATABASE " + ident(properties.database()) + " OWNER " + ident(roles.ownerRole()));
            }
            s.execute("REVOKE ALL ON DATABASE " + ident(properties.database()) + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + ident(properties.database()) + " TO "
                    + ident(roles.appRole()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare roles and database in embedded PostgreSQL", e);
        }
        try (Connection c =
                        postgres.getDatabase("postgres", properties.database()).getConnection();
                Statement s = c.createStatement()) {
            // The schema belongs to the owner, so the app role can never create objects of its own.
            s.execute("ALTER SCHEMA public OWNER TO " + ident(roles.ownerRole()));
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare schema in embedded PostgreSQL", e);
        }
    }

    private static void ensureRole(Connection c, String role, String password, String options) throws SQLException {
        String verb = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement s = c.createStatement()) {
            s.execute(verb + " ROLE " + ident(role) + " " + options + " PASSWORD " + literal(password));
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            return ps.executeQuery().next();
        }
    }

    private static String ident(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + properties.database();
    }

    public int port() {
        return postgres.getPort();
    }

    /** A superuser data source on the app database: for bootstrap work and tests that inspect the catalog. */
    public javax.sql.DataSource superuserDataSource() {
        return postgres.getDatabase("postgres", properties.database());
    }

    /** An application context starts using the cluster; it calls {@link #release()} when it closes. */
    synchronized void acquire() {
        users++;
    }

    public synchronized void release() {
        users--;
        notifyAll();
    }

    /**
     * Waits for the application contexts still using the cluster to close. JVM shutdown hooks run all at
     * once: stopping the cluster while Spring's hook is still closing the context left its last statements
     * failing and the JVM waiting on connection timeouts.
     */
    private synchronized void awaitUnused(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            while (users > 0 && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
