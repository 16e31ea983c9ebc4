package io.salesflow.activity;

import io.salesflow.platform.problem.Problem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something done or to do with a customer: a call, email, meeting, task, note or deadline, with its time,
 * status and outcome. Open activities are pending or, once their due time has passed, overdue.
 */
@Entity
@Table(name = "activities")
class Activity extends LinkedRecord {

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String subject;

    private String description;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "start_at")
    private Instant startAt;

    @Column(name = "end_at")
    private Instant endAt;

    @Column(name = "duration_minutes")
    private Integer durationMinutes;

    @Column(nullable = false)
    private String status = ActivityStatus.PENDING.code();

    @Column(name = "completed_at")
    private Instant completedAt;

    private String outcome;

    @Column(nullable = false)
    private String priority = "normal";

    /** The web app's page where the work is, for a task Salesflow raises about a queue rather than a record. */
    private String page;

    protected Activity() {}

    Activity(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        s.put("subject", subject);
        s.put("description", description);
        s.put("dueAt", dueAt);
        s.put("startAt", startAt);
        s.put("endAt", endAt);
        s.put("durationMinutes", durationMinutes);
        s.put("status", status);
        s.put("completedAt", completedAt);
        s.put("outcome", outcome);
        s.put("priority", priority);
        if (page != null) {
            s.put("page", page);
        }
        putLinks(s);
        return withCommonFields(s);
    }

    ActivityStatus status() {
        return ActivityStatus.of(status).orElseThrow();
    }

    /**
     * Moves to the status a change asked for, if the status rules allow it, and then keeps an open activity
     * pending or overdue by its due time. Asking an open activity to be pending leaves the due time to decide.
     *
     * @return whether the activity has just become completed
     */
    boolean settleStatus(ActivityStatus requested, Instant now) {
        ActivityStatus from = status();
        boolean keepsOpen = requested == ActivityStatus.PENDING && from.isOpen();
        if (requested != null && requested != from && !keepsOpen) {
            if (requested == ActivityStatus.OVERDUE) {
                throw Problem.invalid("status", "an activity becomes overdue by itself when its dueAt passes");
            }
            if (!from.next().contains(requested)) {
                throw Problem.invalid(
                        "status",
                        "a " + from.code() + " activity cannot become " + requested.code() + "; it can become "
                                + from.next().stream()
                                        .map(ActivityStatus::code)
                                        .sorted()
                                        .toList());
            }
            status = requested.code();
            completedAt = requested == ActivityStatus.COMPLETED ? now : null;
        }
        if (status().isOpen()) {
            status = (dueAt != null && dueAt.isBefore(now) ? ActivityStatus.OVERDUE : ActivityStatus.PENDING).code();
        }
        return from != ActivityStatus.COMPLETED && status() == ActivityStatus.COMPLETED;
    }

    /**
     * With a start and an end, the duration is the time between them: a duration sent alongside must agree.
     * Without both, the duration is what was sent (a logged call of 15 minutes, say).
     */
    void settleTimes(boolean durationSent) {
        if (startAt == null || endAt == null) {
            return;
        }
        if (endAt.isBefore(startAt)) {
            throw Problem.invalid("endAt", "must not be before startAt");
        }
        int minutes = Math.toIntExact(Duration.between(startAt, endAt).toMinutes());
        if (durationSent && durationMinutes != null && durationMinutes != minutes) {
            throw Problem.invalid(
                    "durationMinutes", "must agree with startAt and endAt (" + minutes + ") or be left out");
        }
        durationMinutes = minutes;
    }

    /** A meeting on a lead or contact, as just logged; null when this is no meeting or about neither. */
    MeetingBooked meetingBooked() {
        if (!"meeting".equals(type) || (link(Link.LEAD) == null && link(Link.CONTACT) == null)) {
            return null;
        }
        return new MeetingBooked(getTenantId(), getId(), link(Link.LEAD), link(Link.CONTACT));
    }

    ActivityCompleted completed() {
        return new ActivityCompleted(
                getTenantId(),
                getId(),
                type,
                getOwnerId(),
                link(Link.ACCOUNT),
                link(Link.CONTACT),
                link(Link.LEAD),
                link(Link.DEAL),
                outcome,
                completedAt);
    }

    void setType(String type) {
        this.type = type;
    }

    void setSubject(String subject) {
        this.subject = subject;
    }

    void setDescription(String description) {
        this.description = description;
    }

    void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    void setStartAt(Instant startAt) {
        this.startAt = startAt;
    }

    void setEndAt(Instant endAt) {
        this.endAt = endAt;
    }

    void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    void setPriority(String priority) {
        this.priority = priority;
    }

    void setPage(String page) {
        this.page = page;
    }
}
