package io.salesflow.routing;

import io.salesflow.identity.Teams;
import io.salesflow.lead.LeadLoad;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.rules.routing.Assignment;
import io.salesflow.rules.routing.CandidateReport;
import io.salesflow.rules.routing.CompiledRoutingRuleSet;
import io.salesflow.rules.routing.Distributor;
import io.salesflow.rules.routing.RoutingDecision;
import io.salesflow.rules.routing.RuleMatch;
import io.salesflow.rules.routing.Team;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes one new lead: the active rule set picks a team, the distributor a rep in it; the outcome is logged with
 * its explanation. A lead nobody can take stays with its creator, is logged as unassigned and announced with
 * {@link LeadUnassigned}. Trouble with the rules themselves never refuses a lead: it is logged as the reason.
 */
@Component
class LeadRouter {

    private static final Logger log = LoggerFactory.getLogger(LeadRouter.class);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Who the lead goes to; the team is null when routing knows none. */
    record Outcome(UUID ownerId, UUID teamId) {}

    private final ActiveRuleSet activeRuleSet;
    private final TeamRoster rosters;
    private final Teams teams;
    private final LeadLoad load;
    private final AssignmentLog assignments;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Distributor distributor = new Distributor();

    LeadRouter(
            ActiveRuleSet activeRuleSet,
            TeamRoster rosters,
            Teams teams,
            LeadLoad load,
            AssignmentLog assignments,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc,
            Clock clock) {
        this.activeRuleSet = activeRuleSet;
        this.rosters = rosters;
        this.teams = teams;
        this.load = load;
        this.assignments = assignments;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Empty when the tenant has no active routing rule set. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Outcome> route(UUID leadId, UUID creator, LeadFacts facts) {
        Optional<ActiveRuleSet.Active> found = activeRuleSet.current();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int version = found.get().number();
        Instant now = clock.instant();
        Decided decided = decide(found.get(), facts);
        if (!decided.placed()) {
            return Optional.of(
                    unassigned(leadId, creator, decided.team(), null, version, List.of(), decided.why(), now));
        }
        Optional<Team> team = decided.team() == null ? Optional.empty() : rosters.at(decided.team(), now);
        if (team.isEmpty()) {
            String why = decided.why() + ", but that team no longer exists";
            return Optional.of(unassigned(leadId, creator, null, decided.rule(), version, List.of(), why, now));
        }
        Assignment assignment = distributor.assign(
                team.get(),
                now,
                new TeamDistributionState(jdbc, load, team.get().members(), leadId));
        List<AssignmentView.Candidate> candidates =
                assignment.candidates().stream().map(LeadRouter::candidate).toList();
        String why = decided.why() + "; " + assignment.reason();
        if (!assignment.assigned()) {
            return Optional.of(
                    unassigned(leadId, creator, decided.team(), decided.rule(), version, candidates, why, now));
        }
        UUID rep = UUID.fromString(assignment.repId());
        assignments.record(new AssignmentLog.Entry(
                leadId,
                "automatic",
                rep,
                creator,
                decided.team(),
                decided.rule(),
                version,
                candidates,
                why,
                null,
                null,
                now));
        return Optional.of(new Outcome(rep, decided.team()));
    }

    /**
     * Whether a rule placed the lead, in which team (for an unplaced lead: the unassigned queue's team, if it
     * names one), by which rule, every rule that matched (the winner first), and why in words.
     */
    record Decided(boolean placed, UUID team, String rule, List<RuleMatch> matches, String why) {}

    private Decided decide(ActiveRuleSet.Active active, LeadFacts facts) {
        String version = RuleSetVersion.versionName(active.number());
        if (!active.compiled().succeeded()) {
            log.error(
                    "Routing rule set {} of tenant {} does not compile: {}",
                    version,
                    TenantContext.require(),
                    active.compiled().problems());
            return new Decided(
                    false,
                    null,
                    null,
                    List.of(),
                    "the active rule set " + version + " does not compile: "
                            + active.compiled().problems().get(0));
        }
        return decide(version, active.compiled().compiled(), facts);
    }

    /** What {@code rules} (named {@code version} in the explanation) decide for a lead; reads nothing else. */
    Decided decide(String version, CompiledRoutingRuleSet rules, LeadFacts facts) {
        RoutingDecision decision;
        try {
            decision = rules.route(facts);
        } catch (RuntimeException e) {
            log.error("Routing rule set {} failed on lead {}", version, facts.leadId(), e);
            return new Decided(
                    false,
                    null,
                    null,
                    List.of(),
                    "the rule set " + version + " failed on this lead: " + e.getMessage());
        }
        if (decision.unassigned()) {
            return new Decided(
                    false,
                    teamOf(decision.queue()),
                    null,
                    List.of(),
                    "no rule of " + version + " matched; " + whereUnplaced(decision.queue()));
        }
        List<String> others =
                decision.matches().stream().skip(1).map(RuleMatch::rule).toList();
        String also = others.isEmpty() ? "" : " (also matched: " + String.join(", ", others) + ")";
        return new Decided(
                true,
                teamOf(decision.queue()),
                decision.chosen().rule(),
                decision.matches(),
                "rule \"" + decision.chosen().rule() + "\" of " + version + " (priority "
                        + decision.chosen().priority() + ") chose team " + label(decision.queue()) + also);
    }

    /**
     * Ends routing without a rep: the lead stays with its creator; with a team known, it joins that team so the
     * team's manager (who hears of it) can see it and reassign it.
     */
    private Outcome unassigned(
            UUID leadId,
            UUID creator,
            UUID teamId,
            String rule,
            int ruleSetVersion,
            List<AssignmentView.Candidate> candidates,
            String why,
            Instant now) {
        UUID team = teamId != null && teams.exists(teamId) ? teamId : null;
        assignments.record(new AssignmentLog.Entry(
                leadId, "unassigned", creator, null, team, rule, ruleSetVersion, candidates, why, null, null, now));
        UUID manager = team == null ? null : teams.get(team).managerId();
        events.publishEvent(new LeadUnassigned(TenantContext.require(), leadId, team, manager));
        return new Outcome(creator, team);
    }

    static AssignmentView.Candidate candidate(CandidateReport c) {
        return new AssignmentView.Candidate(
                UUID.fromString(c.repId()),
                c.verdict().name().toLowerCase(Locale.ROOT),
                c.reason(),
                c.creditBefore(),
                c.creditAfter());
    }

    /** Without a team, the queue is only a name: the lead stays with whoever brought it in. */
    private String whereUnplaced(String queue) {
        if (teamOf(queue) != null) {
            return "the lead goes to the unassigned queue " + label(queue);
        }
        if (queue == null || queue.isBlank() || queue.equals("unassigned")) {
            return "the lead stays unassigned, with whoever brought it in";
        }
        return "the lead stays with whoever brought it in, in the unassigned queue \"" + queue + "\"";
    }

    private String label(String queue) {
        UUID team = teamOf(queue);
        return team != null && teams.exists(team) ? "\"" + teams.get(team).name() + "\"" : queue;
    }

    static UUID teamOf(String queue) {
        return queue != null && UUID_TEXT.matcher(queue).matches() ? UUID.fromString(queue) : null;
    }
}
