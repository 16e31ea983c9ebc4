package io.salesflow.calendar;

import io.salesflow.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendars from the database, each tenant's kept once built. A lookup reads the calendar's stamp (one row by key)
 * and builds it again only when that changed, so a change made on any replica applies to the next lookup on every
 * replica; timers ask often, calendars change rarely. The stamp is read before the calendar: when a change commits
 * in between, the calendar kept is newer than its stamp, and the next lookup builds it again.
 */
@Service
class StoredBusinessCalendars implements BusinessCalendars {

    private final CalendarStore store;
    private final Map<UUID, Built> built = new ConcurrentHashMap<>();

    StoredBusinessCalendars(CalendarStore store) {
        this.store = store;
    }

    private record Built(String stamp, BusinessCalendar calendar) {}

    @Override
    @Transactional(readOnly = true)
    public BusinessCalendar ofTenant() {
        UUID tenant = TenantContext.require();
        String stamp = store.tenantStamp();
        Built cached = built.get(tenant);
        if (cached != null && cached.stamp.equals(stamp)) {
            return cached.calendar;
        }
        Built fresh = new Built(stamp, store.tenant().calendar());
        built.put(tenant, fresh);
        return fresh.calendar;
    }

    @Override
    @Transactional(readOnly = true)
    public BusinessCalendar ofUser(UUID userId) {
        BusinessCalendar workspace = ofTenant();
        return store.user(userId).map(own -> own.applyTo(workspace)).orElse(workspace);
    }
}
