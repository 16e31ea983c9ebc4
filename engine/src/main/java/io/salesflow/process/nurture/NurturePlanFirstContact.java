package io.salesflow.process.nurture;

import io.salesflow.calendar.BusinessCalendars;
import io.salesflow.process.ProcessBean;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets when a hot lead's first contact is due: the tenant's SLA in working time on the owner's business calendar,
 * so a lead arriving Friday evening is due Monday morning, not Saturday.
 */
@Component("nurturePlanFirstContact")
@ProcessBean("Lead nurture: sets firstContactDue, the SLA in the owner's business hours")
class NurturePlanFirstContact implements JavaDelegate {

    private final BusinessCalendars calendars;
    private final NurtureSettingsStore settings;
    private final Clock clock;

    NurturePlanFirstContact(BusinessCalendars calendars, NurtureSettingsStore settings, Clock clock) {
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = (String) execution.getVariable("ownerId");
        var calendar = owner == null ? calendars.ofTenant() : calendars.ofUser(UUID.fromString(owner));
        execution.setVariable(
                "firstContactDue",
                Date.from(calendar.plus(clock.instant(), settings.current().firstContactSla())));
    }
}
