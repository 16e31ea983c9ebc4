package io.salesflow.calendar;

import io.salesflow.tenancy.TenantProvisioned;
import io.salesflow.tenancy.TenantScope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new tenant the default calendar (UTC, Monday to Friday 09:00–17:00, no holidays): tenants keep no time
 * zone to start from. Tenants that existed before calendars got the same from the V28 migration.
 */
@Component
class CalendarDefaultsProvisioner {

    private final CalendarStore store;
    private final TenantScope tenantScope;

    CalendarDefaultsProvisioner(CalendarStore store, TenantScope tenantScope) {
        this.store = store;
        this.tenantScope = tenantScope;
    }

    @EventListener
    void on(TenantProvisioned event) {
        tenantScope.runAs(event.tenantId(), () -> store.createDefault(event.tenantId()));
    }
}
