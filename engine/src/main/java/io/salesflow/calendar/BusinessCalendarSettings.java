package io.salesflow.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and replacing the workspace's calendar (changing it needs {@code tenant:manage}, checked by the controller). */
@Service
public class BusinessCalendarSettings {

    private final CalendarStore store;
    private final AuditLog audit;

    BusinessCalendarSettings(CalendarStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public CalendarViews.TenantCalendar get() {
        return CalendarViews.of(store.tenant());
    }

    /**
     * Replaces the calendar and its holidays. The row stays locked from reading it to writing it, so that of two
     * changes made with the same ETag the second one fails the check.
     */
    @Transactional
    public CalendarViews.TenantCalendar replace(ObjectNode body, String ifMatch) {
        StoredCalendar before = store.lockTenant();
        ETags.check(ifMatch, before.version());
        StoredCalendar after = CalendarInput.tenant(body);
        UUID tenant = TenantContext.require();
        long version = store.saveTenant(tenant, after, before.version())
                .orElseThrow(() -> new PreconditionFailed(ETags.of(store.tenantVersion())));
        CalendarViews.TenantCalendar saved = CalendarViews.of(after.withVersion(version));
        audit.record("business_calendar.changed", "business_calendar", tenant, CalendarViews.of(before), saved);
        return saved;
    }
}
