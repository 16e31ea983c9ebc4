package io.salesflow.routing;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Teams;
import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.rules.RuleSetJson;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.routing.CompiledRoutingRuleSet;
import io.salesflow.rules.routing.RoutingCompiler;
import io.salesflow.rules.routing.RoutingRule;
import io.salesflow.rules.routing.RoutingRuleSet;
import io.salesflow.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.DigestUtils;

/**
 * The tenant's routing rule set versions: drafts are checked by compiling them (and their teams against the
 * workspace) before they are saved, activation swaps the active version in one transaction, and the version
 * it replaced stays for a rollback. Every change is in the audit log.
 */
@Service
public class RoutingRuleSets {

    /** The version name an unsaved draft routes under, in explanations. */
    static final String DRAFT_NAME = "draft";

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final RuleSetVersionRepository versions;
    private final CompiledRuleSets compiled;
    private final Teams teams;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RoutingRuleSets(
            RuleSetVersionRepository versions,
            CompiledRuleSets compiled,
            Teams teams,
            AuditLog audit,
            JdbcTemplate jdbc,
            Clock clock) {
        this.versions = versions;
        this.compiled = compiled;
        this.teams = teams;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a valid rule set compiles to: the DRL, for the rule editor. */
    public record RoutingValidation(boolean valid, int activeRules, String drl) {}

    @Transactional(readOnly = true)
    public List<RuleSetView> list() {
        return versions.findAllByOrderByNumberDesc().stream()
                .map(RuleSetView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public RuleSetView get(UUID id) {
        return RuleSetView.of(find(id));
    }

    /** Checks a rule set without saving it: 422 with the problems, or the DRL it compiles to. */
    @Transactional(readOnly = true)
    public RoutingValidation validate(RoutingRuleSet rules) {
        RoutingRuleSet named = new RoutingRuleSet(
                RuleSetVersion.versionName(versions.lastNumber() + 1), rules.unassignedQueue(), rules.rules());
        check(named, RoutingCompiler.compile(named));
        return new RoutingValidation(
                true, (int) named.rules().stream().filter(RoutingRule::active).count(), RoutingCompiler.toDrl(named));
    }

    /** Saves the rules as the next version, a draft; refused with 422 (nothing saved) if they do not compile. */
    @Transactional
    public RuleSetView create(RoutingRuleSet rules) {
        RuleSetVersion version =
                new RuleSetVersion(TenantContext.require(), versions.lastNumber() + 1, rules, callerId());
        versions.saveAndFlush(version);
        compileChecked(version);
        audit.record("routing.rule_set.created", "routing_rule_set", version.getId(), null, version.snapshot());
        return RuleSetView.of(version);
    }

    @Transactional
    public RuleSetView change(UUID id, RoutingRuleSet rules, String ifMatch) {
        RuleSetVersion version = find(id);
        ETags.check(ifMatch, version.getVersion());
        Map<String, Object> before = version.snapshot();
        version.change(rules);
        versions.saveAndFlush(version);
        compileChecked(version);
        audit.record("routing.rule_set.changed", "routing_rule_set", id, before, version.snapshot());
        return RuleSetView.of(version);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        RuleSetVersion version = find(id);
        ETags.check(ifMatch, version.getVersion());
        if (version.status() != RuleSetVersion.Status.DRAFT) {
            throw Problem.conflict(
                    "Version " + version.number() + " is " + version.status().code()
                            + "; only drafts are deleted, so that assignments keep the rules that made them");
        }
        versions.delete(version);
        audit.record("routing.rule_set.deleted", "routing_rule_set", id, version.snapshot(), null);
    }

    /**
     * Makes a draft or retired version the active one and retires the one it replaces, in one transaction: a lead
     * is routed by the old version or the new one, never by a mix. Checked again first, as teams may have gone.
     */
    @Transactional
    public RuleSetView activate(UUID id, String ifMatch) {
        RuleSetVersion version = find(id);
        ETags.check(ifMatch, version.getVersion());
        if (version.status() == RuleSetVersion.Status.ACTIVE) {
            return RuleSetView.of(version);
        }
        compileChecked(version);
        versions.findActive().ifPresent(active -> {
            active.retire(clock.instant());
            versions.saveAndFlush(active);
            audit.record("routing.rule_set.retired", "routing_rule_set", active.getId(), null, active.snapshot());
        });
        Map<String, Object> before = version.snapshot();
        version.activate(callerId(), clock.instant());
        versions.saveAndFlush(version);
        TransactionMemo.forget(ActiveRuleSet.MEMO);
        audit.record("routing.rule_set.activated", "routing_rule_set", id, before, version.snapshot());
        return RuleSetView.of(version);
    }

    /** Activates again the version that was active before the current one. */
    @Transactional
    public RuleSetView rollback() {
        RuleSetVersion previous = versions.findLastRetired()
                .orElseThrow(() -> Problem.conflict("No earlier version to roll back to: none was ever retired"));
        return activate(previous.getId(), null);
    }

    /** A saved version, compiled, for a dry run: 404 if there is none, 422 with its problems if it does not compile. */
    @Transactional(readOnly = true)
    public CompiledVersion compiledVersion(UUID id) {
        RuleSetVersion version = find(id);
        return new CompiledVersion(version.number(), compileChecked(version));
    }

    /**
     * A rule set sent inline, compiled (through the cache, keyed by its content) for a dry run: 422 with its
     * problems, its teams included, if it does not compile. Nothing is saved.
     */
    @Transactional(readOnly = true)
    public CompiledVersion compiledDraft(RoutingRuleSet rules) {
        RoutingRuleSet named = new RoutingRuleSet(DRAFT_NAME, rules.unassignedQueue(), rules.rules());
        String digest = DigestUtils.md5DigestAsHex(RuleSetJson.write(named).getBytes(StandardCharsets.UTF_8));
        CompileResult<CompiledRoutingRuleSet> result =
                compiled.get(new CompiledRuleSets.Key(null, digest), () -> named);
        check(named, result);
        return new CompiledVersion(null, result.compiled());
    }

    /** A compiled rule set and its version number (null for an unsaved draft). */
    public record CompiledVersion(Integer number, CompiledRoutingRuleSet compiled) {}

    private CompiledRoutingRuleSet compileChecked(RuleSetVersion version) {
        String digest = jdbc.queryForObject(
                "SELECT md5(data::text) FROM routing_rule_sets WHERE id = ?", String.class, version.getId());
        RoutingRuleSet rules = version.rules();
        CompileResult<CompiledRoutingRuleSet> result =
                compiled.get(new CompiledRuleSets.Key(version.getId(), digest), () -> rules);
        check(rules, result);
        return result.compiled();
    }

    private void check(RoutingRuleSet rules, CompileResult<CompiledRoutingRuleSet> result) {
        List<CompileProblem> problems = new ArrayList<>(result.problems());
        problems.addAll(teamProblems(rules));
        if (!problems.isEmpty()) {
            throw RuleSetProblems.of(problems);
        }
    }

    /** Rules name their team by id; the unassigned queue may be a team too (its manager then hears of leads). */
    private List<CompileProblem> teamProblems(RoutingRuleSet rules) {
        List<CompileProblem> problems = new ArrayList<>();
        for (RoutingRule rule : rules.rules()) {
            if (rule.team() != null && !isTeam(rule.team())) {
                problems.add(new CompileProblem(
                        rule.name(), 0, "team must be the id of a team in this workspace, not " + rule.team()));
            }
        }
        String queue = rules.unassignedQueue();
        if (UUID_TEXT.matcher(queue).matches() && !isTeam(queue)) {
            problems.add(new CompileProblem(
                    null,
                    0,
                    "the unassigned queue " + queue + " looks like a team id, but no"
                            + " team of this workspace has it"));
        }
        return problems;
    }

    private boolean isTeam(String id) {
        return UUID_TEXT.matcher(id).matches() && teams.exists(UUID.fromString(id));
    }

    private RuleSetVersion find(UUID id) {
        return versions.findById(id).orElseThrow(() -> Problem.notFound("Routing rule set", id));
    }

    private static UUID callerId() {
        return Caller.current().map(Caller::userId).orElse(null);
    }
}
