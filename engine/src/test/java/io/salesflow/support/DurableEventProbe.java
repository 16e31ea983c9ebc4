package io.salesflow.support;

import io.salesflow.activity.ActivityCompleted;
import io.salesflow.activity.UserMentioned;
import io.salesflow.deal.DealApprovalRequested;
import io.salesflow.lead.LeadCreated;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<UUID, Integer> runs = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> plannedFailures = new ConcurrentHashMap<>();
    private volatile int failFirstRuns;

    @ApplicationModuleListener
    void on(LeadCreated event) {
        int run = runs.merge(event.leadId(), 1, Integer::sum);
        int planned = plannedFailures.computeIfAbsent(event.leadId(), lead -> failFirstRuns);
        if (failing.get() || run <= planned) {
            throw new IllegalStateException("Probe failing on purpose for lead " + event.leadId() + ", run " + run);
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

    @ApplicationModuleListener
    void on(DealApprovalRequested event) {
        handled.add(event.approvalId());
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }

    /**
     * The first {@code runs} runs for each lead the listener first sees from now on fail; 0 ends it. A lead's plan
     * is fixed at its first run, so end it only once that happened ({@link #runs}).
     */
    public void failFirstRuns(int runs) {
        failFirstRuns = runs;
    }

    /** Lets the next runs for this lead succeed, whatever was planned for it. */
    public void letSucceed(UUID lead) {
        plannedFailures.put(lead, 0);
    }

    /** How often the listener ran for this lead, failures included. */
    public int runs(UUID lead) {
        return runs.getOrDefault(lead, 0);
    }

    /** Whether an event about this lead, activity, note or deal approval has been handled. */
    public boolean handled(UUID id) {
        return handled.contains(id);
    }
}
