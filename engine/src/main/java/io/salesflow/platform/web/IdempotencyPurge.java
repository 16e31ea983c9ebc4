package io.salesflow.platform.web;

import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly removal of expired idempotency records, tenant by tenant (row-level security sees one at a time). */
@Component
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final Tenants tenants;
    private final IdempotencyStore store;

    IdempotencyPurge(Tenants tenants, IdempotencyStore store) {
        this.tenants = tenants;
        this.store = store;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        tenants.all().forEach(t -> {
            int removed = TenantContext.callAs(t.getId(), store::purgeExpired);
            if (removed > 0) {
                log.info("Removed {} expired idempotency keys of tenant {}", removed, t.getSlug());
            }
        });
    }
}
