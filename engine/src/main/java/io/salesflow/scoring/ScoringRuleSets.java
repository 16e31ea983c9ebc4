package io.salesflow.scoring;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.lead.LeadFactsView;
import io.salesflow.lead.LeadScores;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import io.salesflow.rules.scoring.ScoreResult;
import io.salesflow.rules.scoring.ScoringFacts;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's scoring rule sets: drafts to edit, validate and preview, activation (which compiles first,
 * outside any transaction, and refuses a rule set that does not compile with 422 and its problems), and
 * rollback to the version active before. Activating retires the active version and queues a job that
 * rescores every lead.
 */
@Service
public class ScoringRuleSets {

    private final RuleSetStore store;
    private final Compilations compilations;
    private final ActiveRuleSets active;
    private final RescoringJobs jobs;
    private final LeadAccess access;
    private final LeadScores leads;
    private final EngagementStore engagements;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    ScoringRuleSets(
            RuleSetStore store,
            Compilations compilations,
            ActiveRuleSets active,
            RescoringJobs jobs,
            LeadAccess access,
            LeadScores leads,
            EngagementStore engagements,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.compilations = compilations;
        this.active = active;
        this.jobs = jobs;
        this.access = access;
        this.leads = leads;
        this.engagements = engagements;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Every version, newest first. */
    public List<RuleSetViews.Summary> list() {
        return readOnly.execute(
                s -> store.all().stream().map(RuleSetViews.Summary::of).toList());
    }

    public RuleSetViews.Detail get(UUID id) {
        return RuleSetViews.Detail.of(find(id));
    }

    /** Saves a new draft under the next version number. Drafts may have problems; activation may not. */
    public RuleSetViews.Detail create(RuleSetInput input) {
        String name = RuleSetInputs.name(input.name());
        RuleSetDefinition definition = RuleSetInputs.definition(input);
        return transactions.execute(s -> {
            store.lockTenant();
            UUID id = UUID.randomUUID();
            store.insert(
                    id, store.nextVersion(), name, definition, Caller.require().userId(), clock.instant());
            StoredRuleSet created = store.find(id).orElseThrow();
            audit.record("scoring_rule_set.created", "scoring_rule_set", id, null, created.snapshot());
            return RuleSetViews.Detail.of(created);
        });
    }

    /** Changes a draft; active and retired versions are frozen (409). */
    public RuleSetViews.Detail change(UUID id, RuleSetInput input, String ifMatch) {
        return transactions.execute(s -> {
            store.lockTenant();
            StoredRuleSet current = store.find(id).orElseThrow(() -> notFound(id));
            ETags.check(ifMatch, current.revision());
            if (!current.isDraft()) {
                throw Problem.conflict("Version " + current.version() + " is " + current.status()
                        + " and cannot change; create a new rule set from it instead");
            }
            String name = input.name() == null ? current.name() : RuleSetInputs.name(input.name());
            RuleSetDefinition definition = RuleSetInputs.changed(current.definition(), input);
            store.update(id, current.revision(), name, definition, clock.instant());
            StoredRuleSet changed = store.find(id).orElseThrow();
            audit.record("scoring_rule_set.changed", "scoring_rule_set", id, current.snapshot(), changed.snapshot());
            return RuleSetViews.Detail.of(changed);
        });
    }

    /** Compiles the rule set and says whether it would activate, and if not, why. */
    public RuleSetViews.Validation validate(UUID id) {
        CompileResult<CompiledScoringRuleSet> result = compilations.forEditing(find(id).definition());
        return result.succeeded()
                ? new RuleSetViews.Validation(true, result.compiled().ruleCount(), List.of())
                : new RuleSetViews.Validation(false, null, RuleSetViews.ProblemView.of(result.problems()));
    }

    /**
     * Makes the rule set (a draft, or a retired version again) the active one. It is compiled first; one that
     * does not compile is refused with 422 and the active version stays. Activating the active one changes
     * nothing.
     */
    public RuleSetViews.Activation activate(UUID id, String ifMatch) {
        StoredRuleSet set = find(id);
        ETags.check(ifMatch, set.revision());
        if (set.isActive()) {
            return new RuleSetViews.Activation(RuleSetViews.Detail.of(set), null, null);
        }
        CompileResult<CompiledScoringRuleSet> compiled = compilations.forEditing(set.definition());
        if (!compiled.succeeded()) {
            throw invalid(set.version(), compiled.problems());
        }
        UUID tenant = TenantContext.require();
        return transactions.execute(s -> {
            store.lockTenant();
            Optional<RuleSetStore.ActiveRef> replaced = store.activeForUpdate();
            StoredRuleSet now = store.find(id).orElseThrow(() -> notFound(id));
            if (now.revision() != set.revision()) {
                throw Problem.conflict("Version " + set.version() + " changed while it compiled; activate it again");
            }
            Instant at = clock.instant();
            replaced.ifPresent(r -> store.retire(r.id(), at));
            store.activate(id, Caller.require().userId(), at);
            RescoringJobView job = jobs.queue(id, set.version());
            StoredRuleSet activated = store.find(id).orElseThrow();
            Map<String, Object> after = new java.util.LinkedHashMap<>(activated.snapshot());
            after.put(
                    "replacedVersion",
                    replaced.map(RuleSetStore.ActiveRef::version).orElse(null));
            audit.record("scoring_rule_set.activated", "scoring_rule_set", id, set.snapshot(), after);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    active.activated(tenant, id, set.version(), compiled.compiled());
                }
            });
            return new RuleSetViews.Activation(
                    RuleSetViews.Detail.of(activated),
                    replaced.map(RuleSetStore.ActiveRef::version).orElse(null),
                    job);
        });
    }

    /**
     * Rolls the active rule set {@code id} back to the version active before it (which that version replaced
     * or, after a rollback, the one rolled back from).
     */
    public RuleSetViews.Activation rollback(UUID id) {
        StoredRuleSet current = find(id);
        if (!current.isActive()) {
            throw Problem.conflict(
                    "Version " + current.version() + " is not the active rule set; only that rolls back");
        }
        StoredRuleSet previous = readOnly.execute(s -> store.previous())
                .orElseThrow(() -> Problem.conflict("There is no earlier version to roll back to"));
        return activate(previous.id(), null);
    }

    /**
     * Scores a lead the caller may read with a saved rule set or one sent inline, without saving anything.
     * Exactly one of {@code ruleSetId} and {@code inline} is given.
     */
    public RuleSetViews.Preview preview(UUID leadId, UUID ruleSetId, RuleSetInput inline) {
        if (leadId == null) {
            throw Problem.invalid("leadId", "is required");
        }
        if ((ruleSetId == null) == (inline == null)) {
            throw Problem.invalid("ruleSet", "give either ruleSetId or an inline ruleSet, not both or neither");
        }
        access.requireReadable(leadId);
        Integer version = null;
        RuleSetDefinition definition;
        if (ruleSetId != null) {
            StoredRuleSet set = find(ruleSetId);
            version = set.version();
            definition = set.definition();
        } else {
            definition = RuleSetInputs.definition(inline);
        }
        CompileResult<CompiledScoringRuleSet> compiled = compilations.forEditing(definition);
        if (!compiled.succeeded()) {
            throw invalid(version, compiled.problems());
        }
        Instant at = clock.instant();
        LeadFactsView lead = leads.facts(leadId).orElseThrow(() -> Problem.notFound("Lead", leadId));
        List<EngagementEvent> events =
                readOnly.execute(s -> engagements.forLeads(List.of(leadId)).getOrDefault(leadId, List.of()));
        ScoreResult result = compiled.compiled().score(new ScoringFacts(lead.toFacts(), events, at));
        return new RuleSetViews.Preview(
                leadId,
                result.score(),
                ScoreExplanation.band(result),
                ScoreExplanation.of(version, definition.thresholds(), result),
                lead.score(),
                lead.scoreBand());
    }

    private StoredRuleSet find(UUID id) {
        return readOnly.execute(s -> store.find(id)).orElseThrow(() -> notFound(id));
    }

    private static Problem notFound(UUID id) {
        return Problem.notFound("Scoring rule set", id);
    }

    /** 422 with each problem: the rule it concerns, the DRL line (when there is one) and the message. */
    static Problem invalid(Integer version, List<CompileProblem> problems) {
        String detail = (version == null ? "The rule set" : "Version " + version) + " does not compile: "
                + problems.stream().map(CompileProblem::toString).collect(Collectors.joining("; "));
        return new Problem(422, "rule-set-invalid", "Rule set does not compile", detail)
                .with("problems", RuleSetViews.ProblemView.of(problems));
    }
}
