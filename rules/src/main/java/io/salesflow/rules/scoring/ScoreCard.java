package io.salesflow.rules.scoring;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Collects the rules that fired in one scoring run, in firing order. A rule's consequence is
 * {@code $card.award(drools);}; its points come from its {@code @points} metadata.
 */
public final class ScoreCard {

    private final List<String> fired = new ArrayList<>();

    public void award(RuleContext context) {
        fired.add(context.getRule().getName());
    }

    List<String> fired() {
        return fired;
    }
}
