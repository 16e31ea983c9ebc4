package io.salesflow.process.nurture;

import io.salesflow.lead.LeadStates;
import io.salesflow.lead.LeadStates.LeadState;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The lead a nurture instance works, from its {@code leadId} variable. */
final class NurtureLead {

    private NurtureLead() {}

    static UUID id(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("leadId"));
    }

    /** The lead as it stands now; a lead deleted since is reported as status {@code deleted}. */
    static LeadState of(DelegateExecution execution, LeadStates leads) {
        UUID id = id(execution);
        return leads.find(id).orElseGet(() -> new LeadState(id, null, "deleted", null, null, null));
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
