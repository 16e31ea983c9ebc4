package io.salesflow.scoring;

import io.salesflow.lead.LeadStatusChanged;
import io.salesflow.rules.drl.RuleSetInvalidException;
import io.salesflow.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rescores a lead whose status changed, since rules may look at it (an unqualified lead loses points). Other
 * field changes do not rescore by themselves; {@code POST /api/v1/leads/{id}/rescore} does.
 */
@Component
class LeadStatusRescoring {

    private static final Logger log = LoggerFactory.getLogger(LeadStatusRescoring.class);

    private final LeadScoring scoring;
    private final TenantScope tenantScope;

    LeadStatusRescoring(LeadScoring scoring, TenantScope tenantScope) {
        this.scoring = scoring;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(LeadStatusChanged event) {
        tenantScope.runAs(event.tenantId(), () -> {
            try {
                scoring.rescore(event.leadId(), "status_changed:" + event.to());
            } catch (RuleSetInvalidException e) {
                log.error(
                        "Lead {} keeps its score after becoming {}: the active rule set does not compile: {}",
                        event.leadId(),
                        event.to(),
                        e.problems());
            }
        });
    }
}
