package io.salesflow.rules.routing;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.DrlLiteral;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.drl.DrlCompiler;
import io.salesflow.rules.drl.RuleNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/** Compiles a routing rule set to Drools: one DRL rule per active routing rule, team and priority as metadata. */
public final class RoutingCompiler {

    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private RoutingCompiler() {}

    public static CompileResult<CompiledRoutingRuleSet> compile(RoutingRuleSet set) {
        List<CompileProblem> problems = validate(set);
        if (!problems.isEmpty()) {
            return CompileResult.failure(problems);
        }
        Map<String, CompiledRoutingRuleSet.RuleInfo> infos = new HashMap<>();
        List<RoutingRule> rules = set.rules();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule r = rules.get(i);
            if (r.active()) {
                infos.put(r.name(), new CompiledRoutingRuleSet.RuleInfo(r.team(), r.priority(), i));
            }
        }
        CompileResult<KieBase> kieBase = DrlCompiler.compile(toDrl(set));
        return kieBase.map(kb -> new CompiledRoutingRuleSet(set.version(), set.unassignedQueue(), kb, infos));
    }

    /** The DRL of the active rules; the set must be valid. */
    public static String toDrl(RoutingRuleSet set) {
        StringBuilder drl = new StringBuilder(
                """
                package salesflow.routing;

                import io.salesflow.rules.facts.LeadFacts;
                """);
        for (RoutingRule r : set.rules()) {
            if (!r.active()) {
                continue;
            }
            drl.append("\nrule \"").append(r.name()).append("\"\n");
            drl.append("    @team(").append(DrlLiteral.of(r.team())).append(")\n");
            drl.append("    salience ").append(r.priority()).append('\n');
            drl.append("when\n    LeadFacts(");
            drl.append(r.conditions().stream()
                    .map(c -> "(" + c.toDrl() + ")")
                    .collect(Collectors.joining(", ", r.conditions().isEmpty() ? "" : " ", " ")));
            drl.append(")\nthen\nend\n");
        }
        return drl.toString();
    }

    static List<CompileProblem> validate(RoutingRuleSet set) {
        List<CompileProblem> problems = new ArrayList<>();
        if (set.version() == null || set.version().isBlank()) {
            problems.add(new CompileProblem(null, 0, "a rule set needs a version"));
        }
        if (!QUEUE.matcher(set.unassignedQueue()).matches()) {
            problems.add(new CompileProblem(null, 0, "the unassigned queue id must be 1-100 of A-Z a-z 0-9 _ . : -"));
        }
        Set<String> names = new HashSet<>();
        for (RoutingRule r : set.rules()) {
            String name = r.name();
            RuleNames.problem(name).ifPresent(p -> problems.add(new CompileProblem(name, 0, p)));
            if (name != null && !names.add(name)) {
                problems.add(new CompileProblem(name, 0, "another rule has the same name"));
            }
            if (r.team() == null || !QUEUE.matcher(r.team()).matches()) {
                problems.add(new CompileProblem(name, 0, "the team id must be 1-100 of A-Z a-z 0-9 _ . : -"));
            }
            if (Math.abs(r.priority()) > 10_000) {
                problems.add(new CompileProblem(name, 0, "priority must be between -10000 and 10000"));
            }
            for (Condition c : r.conditions()) {
                c.problem().ifPresent(p -> problems.add(new CompileProblem(name, 0, p)));
            }
        }
        return problems;
    }
}
