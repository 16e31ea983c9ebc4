package io.salesflow.rules.drl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Runs facts through a KieBase in a session of their own and tells which rules fired, in firing order. Rules need
 * no consequence: what a rule means (points, team) is in its metadata. Each call opens and disposes its own session,
 * so calls from many threads never share state.
 */
public final class Firings {

    private Firings() {}

    public static List<Rule> fire(KieBase kieBase, Collection<?> facts) {
        List<Rule> fired = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule());
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return fired;
    }
}
