package io.salesflow.calendar;

import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import org.springframework.stereotype.Component;

/** Makes {@link CalendarWorkspace}s, so that a calendar test needs one bean for its fixtures instead of four. */
@Component
class CalendarWorkspaces {

    private final Api api;
    private final Tenants tenants;
    private final InTenant inTenant;
    private final Users users;

    CalendarWorkspaces(Api api, Tenants tenants, InTenant inTenant, Users users) {
        this.api = api;
        this.tenants = tenants;
        this.inTenant = inTenant;
        this.users = users;
    }

    CalendarWorkspace create() {
        return CalendarWorkspace.create(api, tenants, inTenant, users);
    }
}
