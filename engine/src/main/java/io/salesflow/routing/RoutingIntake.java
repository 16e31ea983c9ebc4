package io.salesflow.routing;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.lead.LeadIntakeStep;
import io.salesflow.lead.NewLead;
import io.salesflow.rules.facts.LeadFacts;
import java.util.Map;
import java.util.Objects;
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

    RoutingIntake(LeadRouter router) {
        this.router = router;
    }

    @Override
    public void apply(NewLead lead) {
        if (lead.ownerGiven() || !handsLeadsOut(Caller.current())) {
            return;
        }
        router.route(lead.id(), lead.ownerId(), facts(lead)).ifPresent(outcome -> {
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

    static LeadFacts facts(NewLead lead) {
        Map<String, Object> f = lead.fields();
        return LeadFacts.builder()
                .leadId(lead.id().toString())
                .email(text(f, "email"))
                .title(text(f, "title"))
                .company(text(f, "company"))
                .companySize(text(f, "companySize"))
                .industry(text(f, "industry"))
                .country(text(f, "country"))
                .region(text(f, "region"))
                .postalCode(text(f, "postalCode"))
                .language(text(f, "language"))
                .source(text(f, "source"))
                .status(text(f, "status"))
                .productInterest(text(f, "productInterest"))
                .website(text(f, "website"))
                .phonePresent(f.get("phone") != null)
                .build();
    }

    private static String text(Map<String, Object> fields, String name) {
        return Objects.toString(fields.get(name), null);
    }
}
