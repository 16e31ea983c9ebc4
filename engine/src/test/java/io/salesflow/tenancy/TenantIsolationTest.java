package io.salesflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows of one tenant never reach another, over a reused connection, and nothing reaches no tenant. */
@IntegrationTest
class TenantIsolationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Tenants tenants;

    @Test
    void aConnectionUsedForOneTenantThenAnotherShowsTheSecondOnlyItsOwnRows() throws SQLException {
        UUID acme = tenants.findBySlug("acme").orElseThrow().getId();
        UUID globex = tenants.findBySlug("globex").orElseThrow().getId();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<String> acmeEmails = emailsAs(connection, acme);
            connection.commit();
            List<String> globexEmails = emailsAs(connection, globex);
            connection.commit();
            List<String> afterwards = emailsAs(connection, null);
            connection.commit();

            assertThat(acmeEmails).isNotEmpty().allMatch(e -> e.endsWith("@acme.test"));
            assertThat(globexEmails).isNotEmpty().allMatch(e -> e.endsWith("@globex.test"));
            assertThat(afterwards)
                    .as("the tenant setting did not outlive its transaction")
                    .isEmpty();
        }
    }

    @Test
    void aQueryWithNoTenantSetReturnsNothing() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        Integer users = tx.execute(s -> jdbc.queryForObject("SELECT count(*) FROM users", Integer.class));
        Integer auditRows = tx.execute(s -> jdbc.queryForObject("SELECT count(*) FROM audit_log", Integer.class));
        assertThat(users).isZero();
        assertThat(auditRows).isZero();
    }

    @Test
    void theTransactionManagerAppliesTheCurrentTenant() {
        UUID acme = tenants.findBySlug("acme").orElseThrow().getId();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        List<String> emails = TenantContext.callAs(
                acme, () -> tx.execute(s -> jdbc.queryForList("SELECT email FROM users", String.class)));
        assertThat(emails).contains("admin@acme.test", "rep@acme.test").allMatch(e -> e.endsWith("@acme.test"));
    }

    @Test
    void writingARowForAnotherTenantIsRefused() {
        UUID acme = tenants.findBySlug("acme").orElseThrow().getId();
        UUID globex = tenants.findBySlug("globex").orElseThrow().getId();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> TenantContext.runAs(
                acme,
                () -> tx.executeWithoutResult(s -> jdbc.update(
                        "INSERT INTO teams (tenant_id, id, name) VALUES (?, ?, 'Smuggled')",
                        globex,
                        UUID.randomUUID()))));
        assertThat(refused).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void thePostgresSuperuserIsNotWhatTheApplicationUses() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("salesflow_app").isNotEqualTo("postgres");
        }
    }

    private static List<String> emailsAs(Connection connection, UUID tenant) throws SQLException {
        if (tenant != null) {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.execute();
            }
        }
        List<String> emails = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT email FROM users")) {
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
        }
        return emails;
    }
}
