package io.salesflow.process.nurture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.identity.Caller;
import io.salesflow.lead.LeadStates;
import io.salesflow.lead.Leads;
import io.salesflow.process.ProcessBean;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the rep's re-qualification decision to the lead's status, as the rep: "qualified" or "unqualified" (with
 * the reason), stepping through "contacted" when the lead is still new, since the status order asks for it;
 * "keep nurturing" leaves it as it is.
 */
@Component("nurtureApplyRequalification")
@ProcessBean("Lead nurture: sets the lead's status from the re-qualification task's decision and reason")
class NurtureApplyRequalification implements JavaDelegate {

    private final Leads leads;
    private final LeadStates states;
    private final ObjectMapper json;

    NurtureApplyRequalification(Leads leads, LeadStates states, ObjectMapper json) {
        this.leads = leads;
        this.states = states;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable("decision");
        if (!List.of("qualified", "unqualified").contains(decision)
                || Caller.current().filter(c -> c.tenantId() != null).isEmpty()) {
            return;
        }
        UUID leadId = NurtureLead.id(execution);
        String status = states.find(leadId).map(LeadStates.LeadState::status).orElse("deleted");
        if (status.equals("deleted") || status.equals(decision) || status.equals("converted")) {
            return;
        }
        if (status.equals("new")) {
            leads.change(leadId, json.createObjectNode().put("status", "contacted"), null);
        }
        var change = json.createObjectNode().put("status", decision);
        if (decision.equals("unqualified")) {
            Object reason = execution.getVariable("reason");
            change.put(
                    "unqualifiedReason",
                    reason == null || reason.toString().isBlank() ? "Re-qualification" : reason.toString());
        }
        leads.change(leadId, change, null);
    }
}
