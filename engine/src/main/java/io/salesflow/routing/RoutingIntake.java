package io.salesflow.routing;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.lead.LeadIntakeStep;
import io.salesflow.lead.LeadScores;
import io.salesflow.lead.NewLead;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Routes a new lead when nobody named its owner and it came from someone who hands leads out rather than works
 * them: an API key (web forms, lead ads, integrations) or a user whose {@code leads:write} reaches the team or
 * the whole tenant (marketing, managers, admins, and the imports they run). A rep, who may write only their own
 * leads, keeps the lead they capture.
 */
@Component
@Order(LeadIntakeStep.ROUTING)
class RoutingIntake implements LeadIntakeStep {

    private final LeadRouter router;
    private final LeadScores leads;

    RoutingIntake(LeadRouter router, LeadScores leads) {
        this.router = router;
        this.leads = leads;
    }

    @Override
    public void apply(NewLead lead) {
        if (lead.ownerGiven() || !handsLeadsOut(Caller.current())) {
            return;
        }
        router.route(lead.id(), lead.ownerId(), leads.factsOf(lead).toFacts()).ifPresent(outcome -> {
            if (!outcome.ownerId().equals(lead.ownerId()) || outcome.teamId() != null) {
                lead.route(outcome.ownerId(), outcome.teamId());
            }
        });
    }

    static boolean handsLeadsOut(Optional<Caller> caller) {
        return caller.map(c -> c.kind() == Caller.Kind.API_KEY
                        || c.scopeOf("leads:write").map(s -> s != Scope.OWN).orElse(false))
                .orElse(false);
    }
}
