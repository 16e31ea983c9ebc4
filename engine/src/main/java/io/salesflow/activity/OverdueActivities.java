package io.salesflow.activity;

import io.salesflow.audit.AuditLog;
import io.salesflow.records.FieldHistory;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks pending activities whose due time has passed as overdue, tenant by tenant, each in its own transaction;
 * every one gets its field history and audit row, as Salesflow's own change. Changes through the API keep the
 * same rule for the activities they touch.
 */
@Component
public class OverdueActivities {

    private static final Logger log = LoggerFactory.getLogger(OverdueActivities.class);
    private static final Map<String, Object> PENDING = Map.of("status", ActivityStatus.PENDING.code());
    private static final Map<String, Object> OVERDUE = Map.of("status", ActivityStatus.OVERDUE.code());

    private final Tenants tenants;
    private final JdbcTemplate jdbc;
    private final FieldHistory history;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OverdueActivities(
            Tenants tenants,
            JdbcTemplate jdbc,
            FieldHistory history,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${salesflow.activities.overdue-cron:0 * * * * *}")
    public void markOverdue() {
        for (Tenant tenant : tenants.all()) {
            List<UUID> marked = TenantContext.callAs(tenant.getId(), () -> transactions.execute(s -> markInTenant()));
            if (marked != null && !marked.isEmpty()) {
                log.info("Marked {} activities of tenant {} overdue", marked.size(), tenant.getSlug());
            }
        }
    }

    private List<UUID> markInTenant() {
        List<UUID> marked = jdbc.queryForList(
                """
                UPDATE activities SET status = 'overdue', version = version + 1, updated_at = now()
                WHERE status = 'pending' AND due_at < ? AND deleted_at IS NULL
                RETURNING id
                """,
                UUID.class,
                clock.instant().atOffset(ZoneOffset.UTC));
        for (UUID id : marked) {
            history.record(ActivityRecord.TYPE, id, PENDING, OVERDUE);
            audit.record(ActivityRecord.TYPE + ".overdue", ActivityRecord.TYPE, id, PENDING, OVERDUE);
        }
        return marked;
    }
}
