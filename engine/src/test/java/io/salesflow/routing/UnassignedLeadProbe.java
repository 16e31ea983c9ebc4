package io.salesflow.routing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A durable listener of {@link LeadUnassigned}, as the activities module will have: runs after commit. */
@Component
class UnassignedLeadProbe {

    private final List<LeadUnassigned> handled = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(LeadUnassigned event) {
        handled.add(event);
    }

    boolean handled(UUID leadId) {
        return handled.stream().anyMatch(e -> e.leadId().equals(leadId));
    }
}
