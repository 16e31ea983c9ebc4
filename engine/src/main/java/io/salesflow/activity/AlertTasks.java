package io.salesflow.activity;

import io.salesflow.audit.AuditLog;
import io.salesflow.records.FieldHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasks Salesflow raises itself so that something that went wrong is seen by a person: high priority, due within a
 * day, on the record concerned, kept in field history and the audit log like any task a person creates.
 */
@Component
public class AlertTasks {

    static final Duration DUE_WITHIN = Duration.ofDays(1);

    private final ActivityRepository activities;
    private final FieldHistory history;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    AlertTasks(ActivityRepository activities, FieldHistory history, AuditLog audit, Clock clock, JdbcTemplate jdbc) {
        this.activities = activities;
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises the task for {@code owner} on the record ({@code lead}, {@code contact}, {@code account}, {@code deal}),
     * or on none when {@code recordType} is null; answers the task's id.
     */
    public UUID raise(UUID tenant, UUID owner, String subject, String description, String recordType, UUID recordId) {
        Link link = recordType == null ? null : Link.byRecordType(recordType).orElse(null);
        return raise(tenant, owner, subject, description, link, recordId).getId();
    }

    /**
     * Raises the task for the owner of the record ({@code lead}, {@code contact}, {@code account}, {@code deal}), or
     * for {@code otherwise} when there is no record or it has no owner (e.g. whoever sent the message that failed);
     * answers the task's id, or empty when nobody could be found to tell.
     */
    public Optional<UUID> raiseForOwner(
            UUID tenant, UUID otherwise, String subject, String description, String recordType, UUID recordId) {
        String type = recordType != null && Link.byRecordType(recordType).isPresent() ? recordType : null;
        UUID owner = otherwise;
        if (type != null) {
            List<UUID> owners =
                    jdbc.queryForList("SELECT owner_id FROM " + type + "s WHERE id = ?", UUID.class, recordId);
            if (!owners.isEmpty() && owners.get(0) != null) {
                owner = owners.get(0);
            }
        }
        if (owner == null) {
            return Optional.empty();
        }
        return Optional.of(raise(tenant, owner, subject, description, type, type == null ? null : recordId));
    }

    /**
     * Raises the task for {@code owner} about the web app's {@code page}, unless the task raised for that page is
     * still open: work that arrives as a stream (each lead routing could not place) then makes one task to see to,
     * not one per item. Answers whether a task was raised.
     */
    boolean raiseOnPage(UUID tenant, UUID owner, String subject, String description, String page) {
        // Two listeners raising for the same person and page at once would each find none open.
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                rs -> null,
                "alert_task:" + tenant + ":" + owner + ":" + page);
        Boolean open = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM activities WHERE owner_id = ? AND page = ?"
                        + " AND status IN ('pending', 'overdue') AND deleted_at IS NULL)",
                Boolean.class,
                owner,
                page);
        if (Boolean.TRUE.equals(open)) {
            return false;
        }
        raise(tenant, owner, subject, description, null, null, page);
        return true;
    }

    /** Raises the task for {@code owner}, linked to the record when {@code link} is given. */
    Activity raise(UUID tenant, UUID owner, String subject, String description, Link link, UUID recordId) {
        return raise(tenant, owner, subject, description, link, recordId, null);
    }

    private Activity raise(
            UUID tenant, UUID owner, String subject, String description, Link link, UUID recordId, String page) {
        Activity task = new Activity(tenant, owner);
        task.setType("task");
        task.setSubject(truncate(subject, 200));
        task.setDescription(truncate(description, 2000));
        task.setPriority("high");
        task.setDueAt(clock.instant().plus(DUE_WITHIN));
        if (link != null) {
            task.link(link, recordId);
        }
        task.setPage(page);
        activities.saveAndFlush(task);
        history.record("activity", task.getId(), null, task.snapshot());
        audit.record("activity.created", "activity", task.getId(), null, task.snapshot());
        return task;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
