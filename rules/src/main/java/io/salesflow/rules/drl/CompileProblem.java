package io.salesflow.rules.drl;

/**
 * One reason a rule set does not compile. {@code rule} is the rule it concerns ({@code null} for the rule set as a
 * whole); {@code line} is the 1-based line in the DRL ({@code 0} when the problem is in the rule data, before any
 * DRL was written, or has no place).
 */
public record CompileProblem(String rule, int line, String message) {

    @Override
    public String toString() {
        return (rule == null ? "" : "rule \"" + rule + "\" ") + (line > 0 ? "line " + line + ": " : "") + message;
    }
}
