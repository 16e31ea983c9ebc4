package io.salesflow.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import io.salesflow.identity.Caller;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordServiceBase;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity use cases for the calling user, within their record-level access: the links, times and status
 * rules are the activity's own; completing one is announced as {@link ActivityCompleted}.
 */
@Service
public class Activities extends RecordServiceBase<Activity> {

    private final ActivityRepository activities;
    private final LinkTargets links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Activities(
            ActivityRepository activities,
            RecordLifecycle records,
            LinkTargets links,
            ApplicationEventPublisher events,
            Clock clock) {
        super(ActivityRecord.ACTIVITY, activities, records);
        this.activities = activities;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID add(ObjectNode body) {
        Activity activity =
                new Activity(TenantContext.require(), Caller.require().userId());
        boolean completed = apply(body, activity, true);
        UUID created = records.created(ActivityRecord.ACTIVITY, activities, activity);
        MeetingBooked meeting = activity.meetingBooked();
        if (meeting != null) {
            events.publishEvent(meeting);
        }
        if (completed) {
            announceCompleted(activity);
        }
        return created;
    }

    @Override
    protected Map<String, Object> applyChange(Activity activity, ObjectNode body) {
        Map<String, Object> before = activity.snapshot();
        boolean completed = apply(body, activity, false);
        Map<String, Object> changed = records.changed(ActivityRecord.ACTIVITY, activities, activity, before);
        if (completed) {
            announceCompleted(activity);
        }
        return changed;
    }

    /** Applies the body; true when the activity has just become completed. */
    private boolean apply(ObjectNode body, Activity activity, boolean creating) {
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        ActivityInput.Request request = ActivityInput.apply(body, activity, assignment, creating);
        activity.settleTimes(request.durationSent());
        links.apply(request.links(), activity);
        boolean completed = activity.settleStatus(request.status(), now());
        records.assign(ActivityRecord.ACTIVITY, activity, assignment);
        return completed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Completing an activity about a lead is also an engagement of that lead (a call held, a meeting had), which
     * lead scoring counts.
     */
    private void announceCompleted(Activity activity) {
        ActivityCompleted completed = activity.completed();
        events.publishEvent(completed);
        if (completed.leadId() != null) {
            events.publishEvent(LeadEngaged.of(
                    completed.tenantId(),
                    completed.leadId(),
                    EngagementKind.ACTIVITY_COMPLETED,
                    completed.completedAt(),
                    completed.type(),
                    "activity",
                    completed.activityId().toString()));
        }
    }
}
