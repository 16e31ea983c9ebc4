package io.salesflow.process.nurture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.activity.Activities;
import io.salesflow.identity.Caller;
import io.salesflow.lead.LeadStates;
import io.salesflow.lead.Leads;
import io.salesflow.process.ProcessBean;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the rep's first contact on the lead's timeline as a completed call, and marks a new lead contacted unless
 * the number was wrong. Runs as the rep who completed the task, so their permissions and name apply; completed by
 * anyone else (the platform operator in Cockpit) it records nothing.
 */
@Component("nurtureRecordFirstContact")
@ProcessBean("Lead nurture: logs the first contact as a call and marks a new lead contacted")
class NurtureRecordFirstContact implements JavaDelegate {

    static final Map<String, String> OUTCOMES = Map.of(
            "reached", "Reached the lead",
            "voicemail", "Left a voicemail",
            "no_answer", "No answer",
            "wrong_number", "Wrong number");

    private final Activities activities;
    private final Leads leads;
    private final LeadStates states;
    private final ObjectMapper json;

    NurtureRecordFirstContact(Activities activities, Leads leads, LeadStates states, ObjectMapper json) {
        this.activities = activities;
        this.leads = leads;
        this.states = states;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (Caller.current().filter(c -> c.tenantId() != null).isEmpty()) {
            return;
        }
        UUID leadId = NurtureLead.id(execution);
        String outcome = (String) execution.getVariable("outcome");
        String note = (String) execution.getVariable("note");
        String said = OUTCOMES.getOrDefault(outcome, outcome);
        ObjectNode call = json.createObjectNode()
                .put("type", "call")
                .put("subject", "First contact")
                .put("leadId", leadId.toString())
                .put("status", "completed")
                .put("outcome", note == null || note.isBlank() ? said : said + ": " + note);
        activities.add(call);
        boolean isNew = states.find(leadId).map(l -> l.status().equals("new")).orElse(false);
        if (isNew && !"wrong_number".equals(outcome)) {
            leads.change(leadId, json.createObjectNode().put("status", "contacted"), null);
        }
    }
}
