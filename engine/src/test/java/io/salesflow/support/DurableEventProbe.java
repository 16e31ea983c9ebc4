package io.salesflow.support;

import io.salesflow.activity.ActivityCompleted;
import io.salesflow.activity.UserMentioned;
import io.salesflow.lead.LeadCreated;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A transactional listener like the process gateway will be: it runs after commit, in its own transaction,
 * and its publication stays incomplete while it fails. A test can make it fail for a while.
 */
@Component
public class DurableEventProbe {

    /**
     * How long a test waits for an after-commit listener to have run. Generous: on a loaded two-core CI machine
     * the listeners share their executor with rule compiles and rescoring, and a wait is over as soon as the
     * condition holds.
     */
    public static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(60);

    private final List<UUID> handled = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @ApplicationModuleListener
    void on(LeadCreated event) {
        if (failing.get()) {
            throw new IllegalStateException("Probe failing on purpose for lead " + event.leadId());
        }
        handled.add(event.leadId());
    }

    @ApplicationModuleListener
    void on(ActivityCompleted event) {
        handled.add(event.activityId());
    }

    @ApplicationModuleListener
    void on(UserMentioned event) {
        handled.add(event.noteId());
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }

    /** Whether an event about this lead, activity or note has been handled. */
    public boolean handled(UUID id) {
        return handled.contains(id);
    }
}
