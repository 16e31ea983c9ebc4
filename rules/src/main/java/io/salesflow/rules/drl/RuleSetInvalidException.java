package io.salesflow.rules.drl;

import java.util.List;

/** A rule set that does not compile; the engine answers it with 422 and the problems. */
public class RuleSetInvalidException extends RuntimeException {

    private final transient List<CompileProblem> problems;

    public RuleSetInvalidException(List<CompileProblem> problems) {
        super("rule set does not compile: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<CompileProblem> problems() {
        return problems;
    }
}
