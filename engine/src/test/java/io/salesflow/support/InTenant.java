package io.salesflow.support;

import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs test code in a transaction of one tenant, the way background work does. */
@Component
public class InTenant {

    private final Tenants tenants;
    private final TransactionTemplate transactions;

    InTenant(Tenants tenants, PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T call(String slug, Supplier<T> work) {
        return TenantContext.callAs(
                tenants.findBySlug(slug).orElseThrow().getId(), () -> transactions.execute(s -> work.get()));
    }

    public void run(String slug, Runnable work) {
        call(slug, () -> {
            work.run();
            return null;
        });
    }
}
