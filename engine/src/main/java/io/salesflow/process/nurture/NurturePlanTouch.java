package io.salesflow.process.nurture;

import io.salesflow.calendar.BusinessCalendars;
import io.salesflow.process.ProcessBean;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans a warm lead's next touch: call, email and social in turn, due by the end of the owner's next working day,
 * with how many touches remain after it.
 */
@Component("nurturePlanTouch")
@ProcessBean("Lead nurture: sets touchNumber, touchType, touchName, touchDue and touchesLeft of the next touch")
class NurturePlanTouch implements JavaDelegate {

    static final List<String> CADENCE = List.of("call", "email", "social");

    private final NurtureSettingsStore settings;
    private final BusinessCalendars calendars;
    private final Clock clock;

    NurturePlanTouch(NurtureSettingsStore settings, BusinessCalendars calendars, Clock clock) {
        this.settings = settings;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object previous = execution.getVariable("touchNumber");
        int number = previous == null ? 1 : ((Number) previous).intValue() + 1;
        String type = CADENCE.get((number - 1) % CADENCE.size());
        String lead = (String) execution.getVariable("leadName");
        String owner = (String) execution.getVariable("ownerId");
        var calendar = owner == null ? calendars.ofTenant() : calendars.ofUser(UUID.fromString(owner));
        execution.setVariable("touchNumber", number);
        execution.setVariable("touchType", type);
        execution.setVariable("touchName", name(type, lead));
        execution.setVariable("touchDue", Date.from(calendar.plusWorkingDays(clock.instant(), 1)));
        execution.setVariable("touchesLeft", Math.max(0, settings.current().touchCount() - number));
    }

    private static String name(String type, String lead) {
        String who = lead == null || lead.isBlank() ? "the lead" : lead;
        return switch (type) {
            case "call" -> "Call " + who;
            case "email" -> "Email " + who;
            default -> "Connect with " + who + " on social";
        };
    }
}
