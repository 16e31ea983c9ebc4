package io.salesflow.rules.scoring;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tenant's active scoring rule set and the one before it, for rollback. Activation and rollback swap both in one
 * atomic step; a score reads the reference once, so every lead is scored by exactly one whole rule set.
 */
public final class Scorer {

    private record Versions(CompiledScoringRuleSet active, CompiledScoringRuleSet previous) {}

    private final AtomicReference<Versions> versions;

    public Scorer(CompiledScoringRuleSet initial) {
        versions = new AtomicReference<>(new Versions(Objects.requireNonNull(initial), null));
    }

    public CompiledScoringRuleSet active() {
        return versions.get().active();
    }

    public Optional<CompiledScoringRuleSet> previous() {
        return Optional.ofNullable(versions.get().previous());
    }

    /** Makes {@code next} the active rule set; the one it replaces becomes the rollback target. */
    public void activate(CompiledScoringRuleSet next) {
        Objects.requireNonNull(next);
        versions.updateAndGet(v -> new Versions(next, v.active()));
    }

    /** Makes the previous rule set active again (and the current one the previous); false when there is none. */
    public boolean rollback() {
        Versions before = versions.getAndUpdate(v -> v.previous() == null ? v : new Versions(v.previous(), v.active()));
        return before.previous() != null;
    }

    public ScoreResult score(ScoringFacts facts) {
        return versions.get().active().score(facts);
    }
}
