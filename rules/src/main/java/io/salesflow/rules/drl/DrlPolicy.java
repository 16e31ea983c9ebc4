package io.salesflow.rules.drl;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * What DRL written by a tenant admin may contain, checked before Drools compiles it, because DRL runs in the
 * engine's JVM. Allowed: imports of the fact types, rules whose conditions are patterns on the fact types (with
 * and/or/not/exists and {@code accumulate} with count/sum/min/max/average), constraints made of properties,
 * literals, comparisons and a few String methods, metadata with literal values, and an empty consequence (what a
 * rule does is in its metadata). Not allowed: functions, globals, declared types, queries, {@code eval}, {@code from},
 * inline accumulate code, other method calls or class references.
 */
public final class DrlPolicy {

    /** For scoring rules: patterns on {@code LeadFacts} and {@code EngagementFact}. */
    public static final DrlPolicy SCORING = new DrlPolicy(
            Map.of(
                    "LeadFacts", "io.salesflow.rules.facts.LeadFacts",
                    "EngagementType", "io.salesflow.rules.facts.EngagementType",
                    "JobLevel", "io.salesflow.rules.facts.JobLevel",
                    "EngagementFact", "io.salesflow.rules.scoring.EngagementFact"),
            Set.of("EngagementType", "JobLevel"));

    private static final Set<String> CALLS = Set.of(
            "contains",
            "startsWith",
            "endsWith",
            "equals",
            "equalsIgnoreCase",
            "isEmpty",
            "length",
            "in",
            "count",
            "sum",
            "min",
            "max",
            "average");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average");
    private static final Set<String> ATTRIBUTES =
            Set.of("salience", "activation-group", "no-loop", "lock-on-active", "enabled", "dialect");
    private static final Set<String> FORBIDDEN_WORDS = Set.of("new", "class", "eval", "from", "this", "super");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[0-9][0-9_.]*[lLdDfF]?|[A-Za-z_$][A-Za-z0-9_$]*"
                    + "|&&|\\|\\||==|!=|<=|>=|[<>!+\\-*/%(),:.?])");
    private static final Pattern LITERAL = Pattern.compile("-?[0-9]+|\"[^\"\\\\]*\"");

    private final Map<String, String> types;
    private final Set<String> enums;

    private DrlPolicy(Map<String, String> types, Set<String> enums) {
        this.types = types;
        this.enums = enums;
    }

    public List<CompileProblem> check(String drl) {
        List<CompileProblem> problems = new ArrayList<>();
        if (drl == null || drl.isBlank()) {
            problems.add(new CompileProblem(null, 0, "the DRL is empty"));
            return problems;
        }
        RuleLines lines = new RuleLines(drl);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(true, new StringReader(drl));
        } catch (DroolsParserException e) {
            problems.add(new CompileProblem(null, 0, DrlCompiler.message(e.getMessage())));
            return problems;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int[] at = error.getLines();
                int line = at != null && at.length > 0 ? Math.max(at[0], 0) : 0;
                problems.add(new CompileProblem(lines.ruleAt(line), line, DrlCompiler.message(error.getMessage())));
            }
            return problems;
        }
        new Walk(problems).pkg(pkg);
        return problems;
    }

    private final class Walk {
        private final List<CompileProblem> problems;
        private String rule;

        Walk(List<CompileProblem> problems) {
            this.problems = problems;
        }

        void refuse(BaseDescr at, String message) {
            problems.add(new CompileProblem(rule, at == null ? 0 : Math.max(at.getLine(), 0), message));
        }

        void pkg(PackageDescr pkg) {
            for (ImportDescr i : pkg.getImports()) {
                if (!types.containsValue(i.getTarget())) {
                    refuse(i, "import " + i.getTarget() + " is not allowed; allowed: " + types.values());
                }
            }
            if (!pkg.getFunctions().isEmpty()) {
                refuse(pkg.getFunctions().get(0), "functions are not allowed");
            }
            if (!pkg.getGlobals().isEmpty()) {
                refuse(pkg.getGlobals().get(0), "globals are not allowed");
            }
            if (!pkg.getTypeDeclarations().isEmpty()
                    || !pkg.getEnumDeclarations().isEmpty()) {
                refuse(null, "declared types are not allowed");
            }
            if (!pkg.getFunctionImports().isEmpty()
                    || !pkg.getAccumulateImports().isEmpty()) {
                refuse(null, "function and accumulate imports are not allowed");
            }
            if (!pkg.getEntryPointDeclarations().isEmpty()
                    || !pkg.getWindowDeclarations().isEmpty()) {
                refuse(null, "entry points and windows are not allowed");
            }
            for (AttributeDescr a : pkg.getAttributes()) {
                attribute(a);
            }
            if (pkg.getRules().isEmpty()) {
                refuse(null, "the DRL has no rules");
            }
            for (RuleDescr r : pkg.getRules()) {
                rule = r.getName();
                ruleDescr(r);
            }
        }

        void ruleDescr(RuleDescr r) {
            if (r.isQuery()) {
                refuse(r, "queries are not allowed");
                return;
            }
            RuleNames.problem(r.getName()).ifPresent(p -> refuse(r, p));
            if (r.hasParent()) {
                refuse(r, "rule inheritance (extends) is not allowed");
            }
            if (!r.getNamedConsequences().isEmpty()) {
                refuse(r, "named consequences are not allowed");
            }
            annotations(r);
            r.getAttributes().values().forEach(this::attribute);
            lhs(r.getLhs());
            Object then = r.getConsequence();
            if (then != null && !String.valueOf(then).isBlank()) {
                refuse(r, "the consequence (then ... end) must be empty: points go in @points(n)");
            }
        }

        void attribute(AttributeDescr a) {
            if (!ATTRIBUTES.contains(a.getName())) {
                refuse(a, "attribute " + a.getName() + " is not allowed; allowed: " + ATTRIBUTES);
            } else if (a.getName().equals("salience") && !a.getValue().strip().matches("-?[0-9]+")) {
                refuse(a, "salience must be a whole number");
            } else if (a.getName().equals("enabled") && !a.getValue().strip().matches("true|false")) {
                refuse(a, "enabled must be true or false");
            }
        }

        void annotations(AnnotatedBaseDescr d) {
            for (AnnotationDescr a : d.getAnnotations()) {
                for (Object v : a.getValueMap().values()) {
                    if (!LITERAL.matcher(String.valueOf(v).strip()).matches()) {
                        refuse(d, "@" + a.getName() + " must have a number or a plain \"text\" value");
                    }
                }
            }
        }

        void lhs(BaseDescr d) {
            if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    lhs(child);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p);
            } else {
                refuse(d, d.getClass().getSimpleName().replace("Descr", "").toLowerCase() + " is not allowed");
            }
        }

        void pattern(PatternDescr p) {
            annotations(p);
            if (p.getSource() == null) {
                if (!types.containsKey(p.getObjectType()) || enums.contains(p.getObjectType())) {
                    refuse(p, "pattern type " + p.getObjectType() + " is not allowed; allowed: " + factTypes());
                }
            } else if (p.getSource() instanceof AccumulateDescr acc) {
                accumulate(acc);
            } else {
                refuse(p, "from, collect and entry points are not allowed");
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    expression(c, e.getExpression());
                } else {
                    refuse(c, "constraint " + c.getText() + " is not allowed");
                }
            }
        }

        void accumulate(AccumulateDescr acc) {
            if (!acc.isExternalFunction()) {
                refuse(acc, "accumulate with init/action/result code is not allowed; use count, sum, min, max");
                return;
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refuse(acc, "accumulate function " + f.getFunction() + " is not allowed");
                }
                for (String param : f.getParams()) {
                    expression(acc, param);
                }
            }
            for (BaseDescr input : acc.getDescrs()) {
                lhs(input);
            }
        }

        List<String> factTypes() {
            return types.keySet().stream()
                    .filter(t -> !enums.contains(t))
                    .sorted()
                    .toList();
        }

        void expression(BaseDescr at, String expr) {
            Matcher m = TOKEN.matcher(expr);
            List<String> tokens = new ArrayList<>();
            int pos = 0;
            while (pos < expr.length()) {
                if (!m.find(pos) || m.start() != pos) {
                    if (expr.substring(pos).isBlank()) {
                        break;
                    }
                    refuse(
                            at,
                            "\"" + expr.strip() + "\": character '"
                                    + expr.substring(pos).strip().charAt(0) + "' is not allowed");
                    return;
                }
                tokens.add(m.group(1));
                pos = m.end();
            }
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
                String prev = i > 0 ? tokens.get(i - 1) : "";
                boolean word = Character.isJavaIdentifierStart(t.charAt(0));
                if (word && FORBIDDEN_WORDS.contains(t)) {
                    refuse(at, "\"" + expr.strip() + "\": " + t + " is not allowed");
                    return;
                }
                if (word && next.equals("(") && !CALLS.contains(t)) {
                    refuse(at, "\"" + expr.strip() + "\": calling " + t + "(...) is not allowed");
                    return;
                }
                if (word && prev.equals(".")) {
                    String owner = i >= 2 ? tokens.get(i - 2) : "";
                    if (!CALLS.contains(t) && !enums.contains(owner)) {
                        refuse(at, "\"" + expr.strip() + "\": ." + t + " is not allowed");
                        return;
                    }
                }
            }
        }
    }
}
