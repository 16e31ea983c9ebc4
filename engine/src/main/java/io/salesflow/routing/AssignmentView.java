package io.salesflow.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One assignment of a lead with its explanation. {@code kind}: {@code automatic} (routing gave it to a rep),
 * {@code unassigned} (routing could not; the lead stayed with its creator) or {@code manual} (someone reassigned
 * it: {@code assignedBy} and {@code why}). {@code rule} and {@code ruleSetVersion} name the routing rule that
 * chose the team; {@code candidates} are the team's reps with the distributor's verdict on each.
 */
public record AssignmentView(
        long id,
        UUID leadId,
        String kind,
        UUID ownerId,
        UUID previousOwnerId,
        UUID teamId,
        String rule,
        Integer ruleSetVersion,
        List<Candidate> candidates,
        String reason,
        UUID assignedBy,
        String why,
        Instant at) {

    /** A rep considered: {@code chosen}, {@code passed_over} or {@code skipped}, why, and the round-robin credit. */
    public record Candidate(UUID userId, String verdict, String reason, long creditBefore, long creditAfter) {}
}
