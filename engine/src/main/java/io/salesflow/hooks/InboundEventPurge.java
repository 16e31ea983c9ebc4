package io.salesflow.hooks;

import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly removal of processed and failed inbound webhook events past {@code salesflow.hooks.event-retention}, tenant
 * by tenant and a batch per transaction, so a large backlog never holds one long transaction.
 */
@Component
class InboundEventPurge {

    static final int BATCH = 5000;
    private static final Logger log = LoggerFactory.getLogger(InboundEventPurge.class);

    private final Tenants tenants;
    private final InboundEventStore events;
    private final HookProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    InboundEventPurge(
            Tenants tenants,
            InboundEventStore events,
            HookProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    void purge() {
        Instant before = clock.instant().minus(properties.eventRetention());
        tenants.all().forEach(t -> {
            int removed = TenantContext.callAs(t.getId(), () -> purge(before));
            if (removed > 0) {
                log.info("Removed {} settled inbound webhook events of tenant {}", removed, t.getSlug());
            }
        });
    }

    /** Removes the current tenant's settled events received before {@code before}; how many. */
    int purge(Instant before) {
        int total = 0;
        int removed;
        do {
            removed = transactions.execute(s -> events.purgeSettled(before, BATCH));
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
