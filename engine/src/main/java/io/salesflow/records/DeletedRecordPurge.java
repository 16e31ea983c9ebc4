package io.salesflow.records;

import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hard-deletes records whose restore window has passed, tenant by tenant, for every registered record type.
 * Their field history stays: it says what the record was. {@link RecordsPurged} tells other modules which
 * records went, in the purge's transaction, so what they keep about them goes too.
 */
@Component
public class DeletedRecordPurge {

    private static final Logger log = LoggerFactory.getLogger(DeletedRecordPurge.class);
    private static final int IDS_PER_EVENT = 500;

    private final List<RecordType> types;
    private final Tenants tenants;
    private final JdbcTemplate jdbc;
    private final RecordProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DeletedRecordPurge(
            List<RecordType> types,
            Tenants tenants,
            JdbcTemplate jdbc,
            RecordProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.types = types;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    @Scheduled(cron = "${salesflow.records.purge-cron:0 17 3 * * *}")
    public void purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.restoreWindow()));
        tenants.all()
                .forEach(tenant -> TenantContext.runAs(tenant.getId(), () -> {
                    for (RecordType type : types) {
                        List<UUID> removed = transactions.execute(s -> {
                            List<UUID> ids = jdbc.queryForList(
                                    "DELETE FROM " + type.table() + " WHERE deleted_at < ? RETURNING id",
                                    UUID.class,
                                    cutoff);
                            for (int from = 0; from < ids.size(); from += IDS_PER_EVENT) {
                                List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + IDS_PER_EVENT));
                                events.publishEvent(new RecordsPurged(tenant.getId(), type.name(), batch));
                            }
                            return ids;
                        });
                        if (removed != null && !removed.isEmpty()) {
                            log.info(
                                    "Purged {} {} records of tenant {} deleted before {}",
                                    removed.size(),
                                    type.name(),
                                    tenant.getSlug(),
                                    cutoff.toInstant());
                        }
                    }
                }));
    }
}
