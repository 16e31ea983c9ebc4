package io.salesflow.routing;

import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import org.springframework.stereotype.Component;

/** Makes {@link RoutingWorkspace}s, so that a routing test needs one bean for its fixtures instead of five. */
@Component
class RoutingWorkspaces {

    private final Api api;
    private final Tenants tenants;
    private final InTenant inTenant;
    private final Users users;
    private final Teams teams;

    RoutingWorkspaces(Api api, Tenants tenants, InTenant inTenant, Users users, Teams teams) {
        this.api = api;
        this.tenants = tenants;
        this.inTenant = inTenant;
        this.users = users;
        this.teams = teams;
    }

    /** A new workspace with reps {@code rep1..repN} in team "Inside". */
    RoutingWorkspace create(int reps) {
        return RoutingWorkspace.create(api, tenants, inTenant, users, teams, reps);
    }
}
