package io.salesflow.process.nurture;

import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.lead.LeadStates;
import io.salesflow.lead.LeadStates.LeadState;
import io.salesflow.process.EngineGroups;
import io.salesflow.process.ProcessBean;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds who hears of a missed first contact: the manager of the lead's team, else of a team the owner is in;
 * the workspace's managers as candidates either way, so the task is never stranded when that manager is away.
 */
@Component("nurtureEscalateFirstContact")
@ProcessBean("Lead nurture: sets managerId and managerGroup for a missed first-contact SLA")
class NurtureEscalateFirstContact implements JavaDelegate {

    private final LeadStates leads;
    private final Teams teams;

    NurtureEscalateFirstContact(LeadStates leads, Teams teams) {
        this.leads = leads;
        this.teams = teams;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadState lead = NurtureLead.of(execution, leads);
        execution.setVariable("managerId", NurtureLead.text(managerOf(lead).orElse(null)));
        execution.setVariable("managerGroup", EngineGroups.role(execution.getTenantId(), "manager"));
    }

    private Optional<UUID> managerOf(LeadState lead) {
        var all = teams.list();
        Optional<UUID> ofTeam = all.stream()
                .filter(t -> t.id().equals(lead.teamId()))
                .map(TeamView::managerId)
                .filter(m -> m != null)
                .findFirst();
        return ofTeam.or(() -> all.stream()
                .filter(t -> lead.ownerId() != null && t.memberIds().contains(lead.ownerId()))
                .map(TeamView::managerId)
                .filter(m -> m != null && !m.equals(lead.ownerId()))
                .findFirst());
    }
}
