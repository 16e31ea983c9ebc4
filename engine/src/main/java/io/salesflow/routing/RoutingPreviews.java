package io.salesflow.routing;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.lead.LeadLoad;
import io.salesflow.lead.LeadScores;
import io.salesflow.lead.Leads;
import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.rules.routing.Assignment;
import io.salesflow.rules.routing.Distributor;
import io.salesflow.rules.routing.RoutingRuleSet;
import io.salesflow.rules.routing.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing dry runs: which rule, team and rep a saved version or an unsaved draft would give an existing lead,
 * decided like a real assignment (the same rules, roster, absences, caps, open load and round-robin credit) in a
 * read-only transaction that creates, locks and writes nothing: no assignment, no change to the distributor's
 * state, no audit entry, no event. Two dry runs in a row therefore answer the same.
 */
@Service
public class RoutingPreviews {

    private final RoutingRuleSets ruleSets;
    private final LeadRouter router;
    private final TeamRoster rosters;
    private final Teams teams;
    private final Users users;
    private final Leads leads;
    private final LeadScores facts;
    private final LeadLoad load;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final Distributor distributor = new Distributor();

    RoutingPreviews(
            RoutingRuleSets ruleSets,
            LeadRouter router,
            TeamRoster rosters,
            Teams teams,
            Users users,
            Leads leads,
            LeadScores facts,
            LeadLoad load,
            JdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.ruleSets = ruleSets;
        this.router = router;
        this.rosters = rosters;
        this.teams = teams;
        this.users = users;
        this.leads = leads;
        this.facts = facts;
        this.load = load;
        this.jdbc = jdbc;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Routes lead {@code leadId} (one the caller may read, else 404) with saved version {@code ruleSetId} or the
     * inline {@code draft}: exactly one of them (else 400). A rule set that does not compile is a 422 with its
     * problems, as validation answers.
     */
    public RoutingPreview preview(UUID leadId, UUID ruleSetId, RoutingRuleSet draft) {
        if (leadId == null) {
            throw Problem.invalid("leadId", "is required: which lead to try the rules on");
        }
        if ((ruleSetId == null) == (draft == null)) {
            throw Problem.invalid("ruleSet", "give either ruleSetId or an inline ruleSet, not both or neither");
        }
        if (!Caller.require().can(leads.type().readPermission())) {
            throw Problem.forbidden("Your role does not allow reading leads");
        }
        LeadFacts lead = readOnly.execute(s ->
                        leads.isLive(leadId) ? facts.facts(leadId).map(f -> f.toFacts()) : Optional.<LeadFacts>empty())
                .orElseThrow(() -> Problem.notFound("Lead", leadId));
        RoutingRuleSets.CompiledVersion rules =
                ruleSetId != null ? ruleSets.compiledVersion(ruleSetId) : ruleSets.compiledDraft(draft);
        String version =
                rules.number() == null ? RoutingRuleSets.DRAFT_NAME : RuleSetVersion.versionName(rules.number());
        return readOnly.execute(
                s -> dryRun(leadId, lead, rules.number(), router.decide(version, rules.compiled(), lead)));
    }

    private RoutingPreview dryRun(UUID leadId, LeadFacts lead, Integer number, LeadRouter.Decided decided) {
        Instant now = clock.instant();
        List<RoutingPreview.RoutingPreviewMatch> matches = decided.matches().stream()
                .map(m -> new RoutingPreview.RoutingPreviewMatch(
                        m.rule(), m.team(), teamName(LeadRouter.teamOf(m.team())), m.priority()))
                .toList();
        String queue =
                decided.matches().isEmpty() ? null : decided.matches().get(0).team();
        if (!decided.placed()) {
            UUID team = decided.team() != null && teams.exists(decided.team()) ? decided.team() : null;
            return new RoutingPreview(
                    leadId,
                    number,
                    false,
                    null,
                    matches,
                    queue,
                    team,
                    teamName(team),
                    null,
                    null,
                    List.of(),
                    decided.why());
        }
        Optional<Team> team = decided.team() == null ? Optional.empty() : rosters.at(decided.team(), now);
        if (team.isEmpty()) {
            return new RoutingPreview(
                    leadId,
                    number,
                    false,
                    decided.rule(),
                    matches,
                    queue,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    decided.why() + ", but that team no longer exists");
        }
        TeamDistributionState state =
                new TeamDistributionState(jdbc, load, team.get().members(), leadId);
        Assignment assignment =
                distributor.decide(team.get(), state.peek(team.get().teamId()), now);
        List<RoutingPreview.RoutingPreviewCandidate> candidates = assignment.candidates().stream()
                .map(LeadRouter::candidate)
                .map(c -> new RoutingPreview.RoutingPreviewCandidate(
                        c.userId(), userName(c.userId()), c.verdict(), c.reason(), c.creditBefore(), c.creditAfter()))
                .toList();
        UUID user = assignment.assigned() ? UUID.fromString(assignment.repId()) : null;
        return new RoutingPreview(
                leadId,
                number,
                assignment.assigned(),
                decided.rule(),
                matches,
                queue,
                decided.team(),
                teamName(decided.team()),
                user,
                user == null ? null : userName(user),
                candidates,
                decided.why() + "; " + assignment.reason());
    }

    private String teamName(UUID team) {
        return team != null && teams.exists(team) ? teams.get(team).name() : null;
    }

    private String userName(UUID user) {
        var view = users.get(user);
        return view.displayName() != null ? view.displayName() : view.email();
    }
}
