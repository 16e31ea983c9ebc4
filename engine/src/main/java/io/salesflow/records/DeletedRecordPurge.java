package io.salesflow.records;

import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hard-deletes records whose restore window has passed, tenant by tenant, for every registered record type.
 * Their field history stays: it says what the record was.
 */
@Component
public class DeletedRecordPurge {

    private static final Logger log = LoggerFactory.getLogger(DeletedRecordPurge.class);

    private final List<RecordType> types;
    private final Tenants tenants;
    private final JdbcTemplate jdbc;
    private final RecordProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DeletedRecordPurge(
            List<RecordType> types,
            Tenants tenants,
            JdbcTemplate jdbc,
            RecordProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.types = types;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${salesflow.records.purge-cron:0 17 3 * * *}")
    public void purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.restoreWindow()));
        tenants.all()
                .forEach(tenant -> TenantContext.runAs(tenant.getId(), () -> {
                    for (RecordType type : types) {
                        Integer removed = transactions.execute(
                                s -> jdbc.update("DELETE FROM " + type.table() + " WHERE deleted_at < ?", cutoff));
                        if (removed != null && removed > 0) {
                            log.info(
                                    "Purged {} {} records of tenant {} deleted before {}",
                                    removed,
                                    type.name(),
                                    tenant.getSlug(),
                                    cutoff.toInstant());
                        }
                    }
                }));
    }
}
