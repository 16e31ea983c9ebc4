package io.salesflow.rules.scoring;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.EngagementCondition;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.drl.DrlCompiler;
import io.salesflow.rules.drl.DrlPolicy;
import io.salesflow.rules.drl.RuleNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Turns a scoring rule set (data, or DRL an admin uploaded) into a {@link CompiledScoringRuleSet}, or into the
 * problems that stop it: rule name, DRL line and message.
 */
public final class ScoringCompiler {

    static final int MAX_POINTS = 1000;

    private ScoringCompiler() {}

    /** The DRL a rule set compiles to, for the rule editor to show; the set must be valid. */
    public static String toDrl(ScoringRuleSet set) {
        List<CompileProblem> problems = validate(set);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid rule set: " + problems);
        }
        return ScoringDrl.of(set);
    }

    public static CompileResult<CompiledScoringRuleSet> compile(ScoringRuleSet set) {
        List<CompileProblem> problems = validate(set);
        if (!problems.isEmpty()) {
            return CompileResult.failure(problems);
        }
        String drl = ScoringDrl.of(set);
        return build(set.version(), set.thresholds(), drl, true);
    }

    /**
     * Compiles DRL an admin wrote. It must pass {@link DrlPolicy#SCORING} (only the fact types, no code in
     * conditions, empty consequences) and give every rule {@code @points(n)}; {@code @type("ENGAGEMENT")} is
     * optional. A rule that fires more than once (one match per event) gives its points each time.
     */
    public static CompileResult<CompiledScoringRuleSet> compileDrl(
            String version, String drl, TemperatureThresholds thresholds) {
        TemperatureThresholds t = thresholds == null ? TemperatureThresholds.DEFAULT : thresholds;
        List<CompileProblem> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add(new CompileProblem(null, 0, "a rule set needs a version"));
        }
        t.problem().ifPresent(p -> problems.add(new CompileProblem(null, 0, p)));
        problems.addAll(DrlPolicy.SCORING.check(drl));
        if (!problems.isEmpty()) {
            return CompileResult.failure(problems);
        }
        return build(version, t, drl, false);
    }

    private static CompileResult<CompiledScoringRuleSet> build(
            String version, TemperatureThresholds thresholds, String drl, boolean leadScoped) {
        CompileResult<KieBase> kieBase = DrlCompiler.compile(drl);
        if (!kieBase.succeeded()) {
            return CompileResult.failure(kieBase.problems());
        }
        List<CompileProblem> problems = new ArrayList<>();
        Map<String, CompiledScoringRuleSet.RuleInfo> rules = new HashMap<>();
        for (KiePackage pkg : kieBase.compiled().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                Integer points = integer(meta.get("points"));
                if (points == null || Math.abs(points) > MAX_POINTS) {
                    problems.add(new CompileProblem(
                            rule.getName(),
                            0,
                            "needs @points(n) with n between -" + MAX_POINTS + " and " + MAX_POINTS));
                    continue;
                }
                RuleType type = null;
                Object rawType = meta.get("type");
                if (rawType != null) {
                    try {
                        type = RuleType.valueOf(unquote(rawType));
                    } catch (IllegalArgumentException e) {
                        problems.add(new CompileProblem(
                                rule.getName(), 0, "@type must be one of " + List.of(RuleType.values())));
                        continue;
                    }
                }
                rules.put(rule.getName(), new CompiledScoringRuleSet.RuleInfo(type, points));
            }
        }
        if (!problems.isEmpty()) {
            return CompileResult.failure(problems);
        }
        return CompileResult.success(
                new CompiledScoringRuleSet(version, thresholds, kieBase.compiled(), rules, drl, leadScoped));
    }

    static List<CompileProblem> validate(ScoringRuleSet set) {
        List<CompileProblem> problems = new ArrayList<>();
        if (set.version() == null || set.version().isBlank()) {
            problems.add(new CompileProblem(null, 0, "a rule set needs a version"));
        }
        set.thresholds().problem().ifPresent(p -> problems.add(new CompileProblem(null, 0, p)));
        Set<String> names = new HashSet<>();
        for (ScoringRule rule : set.rules()) {
            String name = rule.name();
            RuleNames.problem(name).ifPresent(p -> problems.add(new CompileProblem(name, 0, p)));
            if (name != null && !names.add(name)) {
                problems.add(new CompileProblem(name, 0, "another rule has the same name"));
            }
            if (rule.type() == null) {
                problems.add(new CompileProblem(name, 0, "needs a type: " + List.of(RuleType.values())));
            }
            if (Math.abs(rule.points()) > MAX_POINTS) {
                problems.add(
                        new CompileProblem(name, 0, "points must be between -" + MAX_POINTS + " and " + MAX_POINTS));
            }
            if (Math.abs(rule.priority()) > 10_000) {
                problems.add(new CompileProblem(name, 0, "priority must be between -10000 and 10000"));
            }
            if (rule.exclusiveGroup() != null) {
                RuleNames.problem(rule.exclusiveGroup())
                        .ifPresent(p -> problems.add(new CompileProblem(name, 0, "exclusive group: " + p)));
            }
            for (Condition c : rule.conditions()) {
                c.problem().ifPresent(p -> problems.add(new CompileProblem(name, 0, p)));
            }
            for (EngagementCondition c : rule.engagement()) {
                c.problem().ifPresent(p -> problems.add(new CompileProblem(name, 0, p)));
            }
        }
        return problems;
    }

    private static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(unquote(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(Object value) {
        String s = String.valueOf(value).strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
