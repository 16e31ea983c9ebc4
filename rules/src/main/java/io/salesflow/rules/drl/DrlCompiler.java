package io.salesflow.rules.drl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL text to a {@link KieBase} in memory (classic mvel build: no kmodule, no Maven plugin). A KieBase
 * never changes after this and hands out sessions to many threads at once.
 */
public final class DrlCompiler {

    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private DrlCompiler() {}

    public static CompileResult<KieBase> compile(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, DrlCompiler.class.getClassLoader()));
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                .setSourcePath("rules.drl");
        builder.add(resource, ResourceType.DRL);
        if (builder.hasErrors()) {
            return CompileResult.failure(problems(drl, builder));
        }
        return CompileResult.success(builder.newKieBase());
    }

    private static List<CompileProblem> problems(String drl, KnowledgeBuilder builder) {
        RuleLines lines = new RuleLines(drl);
        Set<CompileProblem> problems = new LinkedHashSet<>();
        for (KnowledgeBuilderResult error : builder.getErrors()) {
            String message = message(error.getMessage());
            if (message.startsWith(NULL_PACKAGE) && builder.getErrors().size() > 1) {
                continue;
            }
            int[] at = error.getLines();
            int line = at != null && at.length > 0 && at[0] > 0 ? at[0] : 0;
            String rule = ruleOf(error);
            if (rule == null && line > 0) {
                rule = lines.ruleAt(line);
            }
            if (line == 0 && rule != null) {
                line = lines.lineOf(rule);
            }
            problems.add(new CompileProblem(rule, line, message));
        }
        return new ArrayList<>(problems);
    }

    private static String ruleOf(KnowledgeBuilderResult error) {
        if (error instanceof RuleBuildError r && r.getRule() != null) {
            return r.getRule().getName();
        }
        if (error instanceof DescrBuildError d && d.getParentDescr() instanceof RuleDescr r) {
            return r.getName();
        }
        return null;
    }

    /** Drools messages span lines with carets under the text; one line is enough for a person. */
    static String message(String raw) {
        if (raw == null) {
            return "unknown error";
        }
        List<String> parts = new ArrayList<>();
        for (String l : raw.split("\\R")) {
            String t = l.strip();
            if (!t.isEmpty() && !t.equals("^") && !parts.contains(t)) {
                parts.add(t);
            }
        }
        String joined = String.join(" ", parts);
        return joined.length() > 500 ? joined.substring(0, 500) + "..." : joined;
    }
}
