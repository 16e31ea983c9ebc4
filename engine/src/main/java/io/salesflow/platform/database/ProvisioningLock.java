package io.salesflow.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Serialises provisioning of shared rows (tenants, their system roles and defaults, demo data, the engine's
 * identities) across every replica on the database: replicas started at the same moment take turns, and each step
 * finds what the one before it made instead of inserting it again. A PostgreSQL advisory lock, held on a
 * connection of its own for the duration of the work, which runs its own transactions; released when the work
 * ends or, should the replica die, with its connection. A step that runs inside another on the same thread is
 * already covered.
 */
@Component
public class ProvisioningLock {

    private static final String KEY = "hashtextextended('salesflow:provisioning', 0)";
    private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();

    private final DataSource dataSource;

    ProvisioningLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T call(Supplier<T> work) {
        if (Boolean.TRUE.equals(HELD.get())) {
            return work.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "SELECT pg_advisory_lock(" + KEY + ")");
            HELD.set(true);
            try {
                return work.get();
            } finally {
                HELD.remove();
                execute(connection, "SELECT pg_advisory_unlock(" + KEY + ")");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the provisioning lock", e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
