package io.salesflow.routing;

import java.util.List;
import java.util.UUID;

/**
 * What routing would do with a lead under a rule set, decided as a real assignment would be but without one:
 * the winning {@code rule} (null when none matched) and every rule that matched, the {@code queue} it names and
 * the team behind it, the user the distributor would pick ({@code assigned} false and no user when nobody could
 * take it), each of the team's reps with the distributor's verdict, and the whole explanation in {@code reason},
 * as the assignment log would keep it. {@code ruleSetNumber} is null for an unsaved draft.
 */
public record RoutingPreview(
        UUID leadId,
        Integer ruleSetNumber,
        boolean assigned,
        String rule,
        List<RoutingPreviewMatch> matches,
        String queue,
        UUID teamId,
        String teamName,
        UUID userId,
        String userName,
        List<RoutingPreviewCandidate> candidates,
        String reason) {

    /** A rule that matched the lead, with the team it names and its priority; the winner comes first. */
    public record RoutingPreviewMatch(String rule, String team, String teamName, int priority) {}

    /**
     * A rep of the team: {@code chosen}, {@code passed_over} or {@code skipped} (deactivated, away, at a cap,
     * weight 0), why, and the round-robin credit before and after this lead.
     */
    public record RoutingPreviewCandidate(
            UUID userId, String name, String verdict, String reason, long creditBefore, long creditAfter) {}
}
