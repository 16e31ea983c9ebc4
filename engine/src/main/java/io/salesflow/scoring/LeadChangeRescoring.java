package io.salesflow.scoring;

import io.salesflow.lead.LeadFactsView;
import io.salesflow.lead.LeadStatusChanged;
import io.salesflow.records.RecordsMerged;
import io.salesflow.rules.drl.RuleSetInvalidException;
import io.salesflow.tenancy.TenantScope;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rescores a lead after changes the rules may look at: its status (an unqualified lead loses points), and a merge
 * into it (it took the merged leads' engagements and perhaps some of their values). Other field changes do not
 * rescore by themselves; {@code POST /api/v1/leads/{id}/rescore} does.
 */
@Component
class LeadChangeRescoring {

    private static final Logger log = LoggerFactory.getLogger(LeadChangeRescoring.class);

    private final LeadScoring scoring;
    private final TenantScope tenantScope;

    LeadChangeRescoring(LeadScoring scoring, TenantScope tenantScope) {
        this.scoring = scoring;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(LeadStatusChanged event) {
        // Named by the status the lead has when scored: of two quick changes, either event may be handled first.
        rescore(event.tenantId(), event.leadId(), lead -> "status_changed:" + lead.status());
    }

    @ApplicationModuleListener
    void on(RecordsMerged event) {
        if (event.recordType().equals("lead")) {
            rescore(event.tenantId(), event.survivorId(), lead -> "merged");
        }
    }

    private void rescore(UUID tenantId, UUID leadId, Function<LeadFactsView, String> reason) {
        tenantScope.runAs(tenantId, () -> {
            try {
                scoring.rescore(leadId, reason);
            } catch (RuleSetInvalidException e) {
                log.error(
                        "Lead {} keeps its score ({}): the active rule set does not compile: {}",
                        leadId,
                        reason,
                        e.problems());
            }
        });
    }
}
