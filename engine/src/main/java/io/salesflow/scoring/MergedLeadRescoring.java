package io.salesflow.scoring;

import io.salesflow.records.RecordsMerged;
import io.salesflow.rules.drl.RuleSetInvalidException;
import io.salesflow.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Rescores the survivor of merged leads: it took their engagements and perhaps some of their field values. */
@Component
class MergedLeadRescoring {

    private static final Logger log = LoggerFactory.getLogger(MergedLeadRescoring.class);

    private final LeadScoring scoring;
    private final TenantScope tenantScope;

    MergedLeadRescoring(LeadScoring scoring, TenantScope tenantScope) {
        this.scoring = scoring;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(RecordsMerged event) {
        if (!event.recordType().equals("lead")) {
            return;
        }
        tenantScope.runAs(event.tenantId(), () -> {
            try {
                scoring.rescore(event.survivorId(), "merged");
            } catch (RuleSetInvalidException e) {
                log.error(
                        "Lead {} keeps its score after a merge: the active rule set does not compile: {}",
                        event.survivorId(),
                        e.problems());
            }
        });
    }
}
