package io.salesflow.routing;

import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.drl.CompileProblem;
import java.util.List;

/** A rule set that does not compile, as the 422 every routing rule endpoint answers it with. */
final class RuleSetProblems {

    private RuleSetProblems() {}

    static Problem of(List<CompileProblem> problems) {
        return new Problem(
                        422,
                        "rule-set-invalid",
                        "Rule set does not compile",
                        problems.size() + " problem(s), nothing was saved or activated; the first: " + problems.get(0))
                .with("problems", problems);
    }
}
