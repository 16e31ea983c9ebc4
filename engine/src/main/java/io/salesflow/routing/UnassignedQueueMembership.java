package io.salesflow.routing;

import io.salesflow.records.RecordDeleted;
import io.salesflow.records.RecordRestored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the unassigned queue to live leads, in the transaction of the deletion or restore: a deleted lead (spam
 * from a web form, say) leaves it, so the queue's index holds what the queue shows and not what piled up; a restored
 * one comes back if nobody placed it.
 */
@Component
class UnassignedQueueMembership {

    private final AssignmentLog log;

    UnassignedQueueMembership(AssignmentLog log) {
        this.log = log;
    }

    @EventListener
    void on(RecordDeleted event) {
        if (isLead(event.recordType())) {
            log.dequeue(event.recordId());
        }
    }

    @EventListener
    void on(RecordRestored event) {
        if (isLead(event.recordType())) {
            log.requeue(event.recordId());
        }
    }

    private static boolean isLead(String recordType) {
        return "lead".equals(recordType);
    }
}
