package io.salesflow.deal;

import io.salesflow.audit.AuditLog;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes what deals announce, in the transaction of the change (durable for other modules' listeners), and
 * keeps each step of an approval in the audit log of the deal.
 */
@Component
class DealEventPublisher {

    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    DealEventPublisher(ApplicationEventPublisher events, AuditLog audit) {
        this.events = events;
        this.audit = audit;
    }

    /** The deal's events since the last call, in order. */
    void publish(Deal deal) {
        deal.takeEvents().forEach(this::publish);
    }

    void publish(Object event) {
        if (event instanceof DealApprovalRequested e) {
            audit("deal.approval_requested", e.dealId(), e);
        } else if (event instanceof DealApprovalWithdrawn e) {
            audit("deal.approval_withdrawn", e.dealId(), e);
        } else if (event instanceof DealApproved e) {
            audit("deal.approved", e.dealId(), e);
        } else if (event instanceof DealApprovalRejected e) {
            audit("deal.approval_rejected", e.dealId(), e);
        }
        events.publishEvent(event);
    }

    private void audit(String action, UUID dealId, Object event) {
        audit.record(action, DealRecord.TYPE, dealId, null, event);
    }
}
