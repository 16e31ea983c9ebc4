package io.salesflow.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own time zone and working hours. Users keep their own; others' are read with {@code users:read} and
 * changed with {@code users:manage}, as with absences.
 */
@Service
public class UserCalendarSettings {

    private final CalendarStore store;
    private final Users users;
    private final AuditLog audit;

    UserCalendarSettings(CalendarStore store, Users users, AuditLog audit) {
        this.store = store;
        this.users = users;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public CalendarViews.UserCalendar get(UUID userId) {
        requireSelfOr(userId, "users:read");
        return CalendarViews.of(userId, store.tenant(), store.user(userId).orElse(StoredOverride.NONE));
    }

    /** Replaces the user's own settings; the row stays locked from reading it to writing it (see the workspace's). */
    @Transactional
    public CalendarViews.UserCalendar replace(UUID userId, ObjectNode body, String ifMatch) {
        requireSelfOr(userId, "users:manage");
        StoredOverride before = store.lockUser(userId).orElse(StoredOverride.NONE);
        ETags.check(ifMatch, before.version());
        return save(userId, before, CalendarInput.user(userId, body), "user.business_calendar.changed");
    }

    /** Back to the workspace's calendar. The version goes on counting, so an ETag from before stays stale. */
    @Transactional
    public void clear(UUID userId, String ifMatch) {
        requireSelfOr(userId, "users:manage");
        StoredOverride before = store.lockUser(userId).orElse(StoredOverride.NONE);
        ETags.check(ifMatch, before.version());
        if (before.zone() != null || before.hours() != null) {
            save(userId, before, StoredOverride.NONE, "user.business_calendar.cleared");
        }
    }

    private CalendarViews.UserCalendar save(UUID userId, StoredOverride before, StoredOverride after, String action) {
        long version = store.saveUser(TenantContext.require(), userId, after, before.version())
                .orElseThrow(() -> new PreconditionFailed(
                        ETags.of(store.user(userId).map(StoredOverride::version).orElse(0L))));
        StoredOverride saved = after.withVersion(version);
        audit.record(action, "user", userId, snapshot(before), snapshot(saved));
        return CalendarViews.of(userId, store.tenant(), saved);
    }

    /** The user must exist in the tenant (404 otherwise, also for other tenants' users), then be the caller. */
    private void requireSelfOr(UUID userId, String permission) {
        users.get(userId);
        Caller caller = Caller.require();
        boolean self = caller.kind() == Caller.Kind.USER && caller.userId().equals(userId);
        if (!self && !caller.can(permission)) {
            throw Problem.forbidden("Only the user themselves or someone with " + permission + " may do this");
        }
    }

    private static Map<String, Object> snapshot(StoredOverride o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("timeZone", o.zone() == null ? null : o.zone().getId());
        s.put("workingHours", o.hours() == null ? null : CalendarViews.hours(o.hours()));
        s.put("version", o.version());
        return s;
    }
}
