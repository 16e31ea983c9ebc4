package io.salesflow.lead;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A lead being created, as {@link LeadIntakeStep}s see it: its fields by their API names, how it came in,
 * and the two things a step may decide (its score, its owner and team).
 */
public final class NewLead {

    private final Lead lead;
    private final boolean ownerGiven;
    private UUID routedOwner;
    private UUID routedTeam;
    private boolean routed;
    private boolean scored;
    private LeadFactsView.Related related;

    NewLead(Lead lead, boolean ownerGiven) {
        this.lead = lead;
        this.ownerGiven = ownerGiven;
    }

    public UUID id() {
        return lead.getId();
    }

    public UUID tenantId() {
        return lead.getTenantId();
    }

    /** The lead's fields as the API names them (custom fields under {@code customFields.<key>}). */
    public Map<String, Object> fields() {
        return lead.snapshot();
    }

    /** The lead's account and contact, found once for all steps: creating the lead changes neither. */
    LeadFactsView.Related related(Supplier<LeadFactsView.Related> find) {
        if (related == null) {
            related = find.get();
        }
        return related;
    }

    /** Whether whoever created the lead named its owner (routing then leaves it alone). */
    public boolean ownerGiven() {
        return ownerGiven;
    }

    public UUID ownerId() {
        return routed ? routedOwner : lead.getOwnerId();
    }

    /** Sets the score fields the rules issue reserved on the lead. */
    public void score(int score, String band, Instant scoredAt) {
        lead.recordScore(score, band, scoredAt);
        scored = true;
    }

    /** Hands the lead to an owner (an active user) and team; checked when the lead is saved. */
    public void route(UUID ownerId, UUID teamId) {
        this.routedOwner = ownerId;
        this.routedTeam = teamId;
        this.routed = true;
    }

    boolean scored() {
        return scored;
    }

    boolean routed() {
        return routed;
    }

    UUID routedOwner() {
        return routedOwner;
    }

    UUID routedTeam() {
        return routedTeam;
    }
}
