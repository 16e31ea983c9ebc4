package io.salesflow.process.nurture;

import io.salesflow.lead.LeadStates;
import io.salesflow.lead.LeadStates.LeadState;
import io.salesflow.process.EngineGroups;
import io.salesflow.process.ProcessBean;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the lead's status, band and owner, and the tenant's nurture timings the timers use. */
@Component("nurtureLoadLead")
@ProcessBean(
        "Lead nurture: reads the lead (status, band, ownerId, repGroup) and the nurture timings (and warmSequence, warmSequenceId)")
class NurtureLoadLead implements JavaDelegate {

    private final LeadStates leads;
    private final NurtureSettingsStore settings;
    private final Clock clock;

    NurtureLoadLead(LeadStates leads, NurtureSettingsStore settings, Clock clock) {
        this.leads = leads;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadState lead = NurtureLead.of(execution, leads);
        NurtureSettings timings = settings.current();
        execution.setVariable("status", lead.status());
        execution.setVariable("band", lead.band());
        execution.setVariable("leadName", lead.name());
        execution.setVariable("ownerId", NurtureLead.text(lead.ownerId()));
        String tenant = execution.getTenantId();
        execution.setVariable(
                "repGroup",
                lead.teamId() == null
                        ? EngineGroups.role(tenant, "sales_rep")
                        : EngineGroups.team(tenant, lead.teamId()));
        execution.setVariable(
                "unqualifiedRequalifyAfter", timings.unqualifiedRequalifyAfter().toString());
        execution.setVariable("coldRescoreEvery", timings.coldRescoreEvery().toString());
        execution.setVariable("touchSpacingDays", timings.touchSpacingDays());
        execution.setVariable("warmSequence", timings.warmSequenceId() != null);
        execution.setVariable(
                "warmSequenceId",
                timings.warmSequenceId() == null
                        ? null
                        : timings.warmSequenceId().toString());
        execution.setVariable("coldSince", Date.from(clock.instant()));
    }
}
