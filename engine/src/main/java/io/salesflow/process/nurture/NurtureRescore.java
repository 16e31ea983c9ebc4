package io.salesflow.process.nurture;

import io.salesflow.lead.LeadStates;
import io.salesflow.lead.LeadStates.LeadState;
import io.salesflow.process.ProcessBean;
import io.salesflow.scoring.LeadRescoring;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Scores a cold lead again (engagements since may have warmed it up) and says whether its re-qualification is
 * due: the lead has been cold for the tenant's period.
 */
@Component("nurtureRescore")
@ProcessBean("Lead nurture: re-scores the lead; sets band, status and requalifyDue")
class NurtureRescore implements JavaDelegate {

    private final LeadRescoring rescoring;
    private final LeadStates leads;
    private final NurtureSettingsStore settings;
    private final Clock clock;

    NurtureRescore(LeadRescoring rescoring, LeadStates leads, NurtureSettingsStore settings, Clock clock) {
        this.rescoring = rescoring;
        this.leads = leads;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rescoring.rescore(NurtureLead.id(execution), "nurture");
        LeadState lead = NurtureLead.of(execution, leads);
        Instant coldSince = ((Date) execution.getVariable("coldSince")).toInstant();
        Instant due = coldSince
                .atOffset(ZoneOffset.UTC)
                .plus(settings.current().coldRequalifyAfter())
                .toInstant();
        execution.setVariable("band", lead.band());
        execution.setVariable("status", lead.status());
        execution.setVariable("requalifyDue", !clock.instant().isBefore(due));
    }
}
