package io.salesflow.process.approval;

import io.salesflow.calendar.BusinessCalendars;
import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.process.EngineGroups;
import io.salesflow.process.ProcessBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives an approval task to its approver: the role's group as candidates (so a colleague can step in), and for
 * the manager role the manager of the deal owner's team by name. Due at the approval SLA in business hours, and
 * tagged with its role, level and the rules that asked for it.
 */
@Component("dealApprovalAssign")
@ProcessBean("Deal approval: task listener (create) assigning an approval task by its approverRole")
class DealApprovalAssign implements TaskListener {

    private final Teams teams;
    private final BusinessCalendars calendars;
    private final Clock clock;

    DealApprovalAssign(Teams teams, BusinessCalendars calendars, Clock clock) {
        this.teams = teams;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String role = (String) task.getVariable("approverRole");
        int level = ((Number) task.getVariable("level")).intValue();
        task.setVariableLocal("approverRole", role);
        task.setVariableLocal("level", level);
        task.setVariableLocal("why", ApprovalRules.of(task).why(level, role));
        task.addCandidateGroup(EngineGroups.role(task.getTenantId(), role));
        if (role.equals("manager")) {
            managerOf((String) task.getVariable("ownerId")).ifPresent(m -> task.setAssignee(m.toString()));
        }
        String sla = (String) task.getVariable("approvalSla");
        task.setDueDate(Date.from(calendars.ofTenant().plus(clock.instant(), Duration.parse(sla))));
        task.setPriority(50 + 10 * level);
    }

    private Optional<UUID> managerOf(String ownerId) {
        if (ownerId == null) {
            return Optional.empty();
        }
        UUID owner = UUID.fromString(ownerId);
        return teams.list().stream()
                .filter(t -> t.memberIds().contains(owner))
                .map(TeamView::managerId)
                .filter(m -> m != null && !m.equals(owner))
                .findFirst();
    }
}
