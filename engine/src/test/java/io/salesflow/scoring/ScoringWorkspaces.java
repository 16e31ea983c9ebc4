package io.salesflow.scoring;

import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import org.springframework.stereotype.Component;

/** Makes {@link ScoringWorkspace}s, so that a scoring test needs one bean for its fixtures instead of four. */
@Component
class ScoringWorkspaces {

    private final Api api;
    private final Tenants tenants;
    private final InTenant inTenant;
    private final Users users;

    ScoringWorkspaces(Api api, Tenants tenants, InTenant inTenant, Users users) {
        this.api = api;
        this.tenants = tenants;
        this.inTenant = inTenant;
        this.users = users;
    }

    ScoringWorkspace create() {
        return ScoringWorkspace.create(api, tenants, inTenant, users);
    }
}
