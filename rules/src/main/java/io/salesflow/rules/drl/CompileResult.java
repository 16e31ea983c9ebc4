package io.salesflow.rules.drl;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Either a compiled thing or the problems that kept it from compiling, never both. */
public record CompileResult<T>(T compiled, List<CompileProblem> problems) {

    public CompileResult {
        problems = List.copyOf(problems);
        if ((compiled == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a compile result has either a value or problems");
        }
    }

    public static <T> CompileResult<T> success(T compiled) {
        return new CompileResult<>(Objects.requireNonNull(compiled), List.of());
    }

    public static <T> CompileResult<T> failure(List<CompileProblem> problems) {
        return new CompileResult<>(null, problems);
    }

    public boolean succeeded() {
        return compiled != null;
    }

    public <U> CompileResult<U> map(Function<T, U> f) {
        return succeeded() ? success(f.apply(compiled)) : failure(problems);
    }

    /** The compiled value, or a {@link RuleSetInvalidException} carrying the problems. */
    public T orElseThrow() {
        if (!succeeded()) {
            throw new RuleSetInvalidException(problems);
        }
        return compiled;
    }
}
