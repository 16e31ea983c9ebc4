package io.salesflow.identity;

import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes login sessions (and their refresh tokens) a week after they expired or were revoked, tenant by
 * tenant. The security events of those sessions stay.
 */
@Component
class SessionHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(SessionHousekeeping.class);

    private final Tenants tenants;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    SessionHousekeeping(Tenants tenants, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void removeEndedSessions() {
        tenants.all().forEach(tenant -> {
            Integer removed = TenantContext.callAs(
                    tenant.getId(),
                    () -> transactions.execute(
                            s -> jdbc.update(
                                    """
                    DELETE FROM auth_sessions
                    WHERE coalesce(revoked_at, expires_at) < now() - interval '7 days'
                    """)));
            if (removed != null && removed > 0) {
                log.info("Removed {} ended login sessions of tenant {}", removed, tenant.getSlug());
            }
        });
    }
}
