package io.salesflow.rules.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the rep in a team who gets a lead, by smooth weighted round robin. Every available rep's credit grows by
 * their weight; the rep with the most credit wins (ties: the earlier member) and gives back the sum of the available
 * weights. Unavailable reps (deactivated, out of office, at their daily cap or open-load cap, weight 0) earn no
 * credit and lose any they had banked, so a rep back from absence joins the rotation at par and is not flooded.
 * Deterministic and free of state of its own: the state comes in and goes out as {@link RepState} records.
 */
public final class Distributor {

    /** Decides one assignment from the team's states at {@code now}; pure. */
    public Assignment decide(Team team, List<RepState> current, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, team.zone());
        Map<String, RepState> states = new LinkedHashMap<>();
        for (RepState s : current) {
            states.put(s.repId(), s);
        }
        List<TeamMember> available = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        long totalWeight = 0;
        for (TeamMember m : team.members()) {
            RepState s = states.computeIfAbsent(m.repId(), RepState::fresh);
            Optional<String> why = unavailable(m, s, today, now);
            if (why.isPresent()) {
                skipped.put(m.repId(), why.get());
                states.put(m.repId(), s.withCredit(Math.min(s.credit(), 0)));
            } else {
                available.add(m);
                totalWeight += m.weight();
            }
        }
        List<CandidateReport> reports = new ArrayList<>();
        if (available.isEmpty()) {
            for (TeamMember m : team.members()) {
                RepState before = stateBefore(current, m.repId());
                reports.add(new CandidateReport(
                        m.repId(),
                        Verdict.SKIPPED,
                        skipped.get(m.repId()),
                        before.credit(),
                        states.get(m.repId()).credit()));
            }
            String reason = team.members().isEmpty() ? "the team has no members" : "no rep in the team is available";
            return new Assignment(team.teamId(), null, now, reason, reports, List.copyOf(states.values()));
        }
        TeamMember winner = null;
        for (TeamMember m : available) {
            RepState s = states.get(m.repId());
            long raised = s.credit() + m.weight();
            states.put(m.repId(), s.withCredit(raised));
            if (winner == null || raised > states.get(winner.repId()).credit()) {
                winner = m;
            }
        }
        long winningCredit = states.get(winner.repId()).credit();
        states.put(winner.repId(), states.get(winner.repId()).assigned(today, now, winningCredit - totalWeight));
        for (TeamMember m : team.members()) {
            RepState before = stateBefore(current, m.repId());
            long after = states.get(m.repId()).credit();
            if (skipped.containsKey(m.repId())) {
                reports.add(new CandidateReport(
                        m.repId(), Verdict.SKIPPED, skipped.get(m.repId()), before.credit(), after));
            } else if (m == winner) {
                reports.add(new CandidateReport(
                        m.repId(),
                        Verdict.CHOSEN,
                        "highest credit " + winningCredit + " after adding weight " + m.weight()
                                + "; gives back the available weight " + totalWeight,
                        before.credit(),
                        after));
            } else {
                reports.add(new CandidateReport(
                        m.repId(),
                        Verdict.PASSED_OVER,
                        after == winningCredit
                                ? "credit " + after + ", tied with the winner, who comes first in the team"
                                : "credit " + after + ", below the winner's " + winningCredit,
                        before.credit(),
                        after));
            }
        }
        String reason = "weighted round robin among " + available.size() + " available of "
                + team.members().size() + " reps: " + winner.repId() + " had the most credit";
        return new Assignment(team.teamId(), winner.repId(), now, reason, reports, List.copyOf(states.values()));
    }

    /** Decides and stores one assignment through {@code state}, which serialises assignments per team. */
    public Assignment assign(Team team, Instant now, DistributionState state) {
        return state.assign(team.teamId(), current -> decide(team, current, now));
    }

    private static RepState stateBefore(List<RepState> current, String repId) {
        return current.stream().filter(s -> s.repId().equals(repId)).findFirst().orElseGet(() -> RepState.fresh(repId));
    }

    private static Optional<String> unavailable(TeamMember m, RepState s, LocalDate today, Instant now) {
        if (!m.active()) {
            return Optional.of("deactivated");
        }
        Optional<Absence> absence = m.absenceAt(now);
        if (absence.isPresent()) {
            return Optional.of("out of office until " + absence.get().until());
        }
        if (m.weight() <= 0) {
            return Optional.of("weight 0: takes no new leads");
        }
        if (m.dailyCap() != null && s.assignedOn(today) >= m.dailyCap()) {
            return Optional.of("daily cap " + m.dailyCap() + " reached");
        }
        if (m.maxOpenLoad() != null && s.openLoad() >= m.maxOpenLoad()) {
            return Optional.of("open load " + s.openLoad() + " at its cap " + m.maxOpenLoad());
        }
        return Optional.empty();
    }
}
