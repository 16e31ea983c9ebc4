package io.salesflow.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Switches the tenant for a piece of work, also inside a transaction that has already begun (a
 * listener of another module's event, a delegate in a job-executor transaction): the database setting
 * follows the switch and is put back afterwards.
 */
@Component
public class TenantScope {

    @PersistenceContext
    private EntityManager entityManager;

    public <T> T callAs(UUID tenant, Supplier<T> work) {
        UUID previous = TenantContext.current().orElse(null);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (inTransaction) {
            apply(tenant);
        }
        try {
            return TenantContext.callAs(tenant, work);
        } finally {
            if (inTransaction) {
                apply(previous);
            }
        }
    }

    public void runAs(UUID tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    private void apply(UUID tenant) {
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                ps.setString(1, tenant == null ? "" : tenant.toString());
                ps.execute();
            }
        });
    }
}
