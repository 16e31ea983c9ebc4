package io.salesflow.routing;

import io.salesflow.identity.Caller;
import io.salesflow.lead.LeadAssignmentChanged;
import io.salesflow.records.ChangeReason;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change of a lead's owner or team by someone is a manual assignment, kept in the same transaction: with
 * the reason given (a reassignment's, a merge's) or as an edit of the lead.
 */
@Component
class AssignmentChanges {

    private final AssignmentLog log;
    private final Clock clock;

    AssignmentChanges(AssignmentLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @EventListener
    void on(LeadAssignmentChanged change) {
        Caller caller = Caller.require();
        String why = ChangeReason.current().orElse(null);
        log.record(new AssignmentLog.Entry(
                change.leadId(),
                "manual",
                change.ownerId(),
                change.previousOwnerId(),
                change.teamId(),
                null,
                null,
                List.of(),
                (why == null ? "edited by " : "reassigned by ") + caller.name(),
                caller.userId(),
                why,
                clock.instant()));
    }
}
