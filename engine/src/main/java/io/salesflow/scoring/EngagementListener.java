package io.salesflow.scoring;

import io.salesflow.engagement.LeadEngaged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stores each published engagement and rescores its lead, after the publisher's commit. The publication is
 * durable: when this fails it runs again, and recording twice changes nothing.
 */
@Component
class EngagementListener {

    private final Engagements engagements;

    EngagementListener(Engagements engagements) {
        this.engagements = engagements;
    }

    @ApplicationModuleListener
    void on(LeadEngaged event) {
        engagements.record(event);
    }
}
