package io.salesflow.rules.drl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
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
        return fireEach(kieBase, List.of(facts)).get(0);
    }

    /**
     * As {@link #fire} for each group of facts, the groups one after another in one session, reset in between: that
     * keeps the session's node memories instead of building them again for every group (about a seventh of the CPU
     * a lead of the default scoring rules costs; deleting the facts instead costs more than a new session). This
     * gives the firings of a session per group only when every match of every rule holds a fact of its group (rules
     * that all start with a pattern on the same per-group fact, in no agenda group): a rule that can match without
     * one (an empty condition, a lone {@code not}) would keep its match, fired, from one group to the next.
     */
    public static List<List<Rule>> fireEach(KieBase kieBase, List<? extends Collection<?>> groups) {
        List<List<Rule>> firings = new ArrayList<>(groups.size());
        List<Rule> fired = new ArrayList<>();
        AgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule());
            }
        };
        KieSession session = kieBase.newKieSession();
        try {
            for (int g = 0; g < groups.size(); g++) {
                if (g > 0) {
                    reset(session);
                }
                session.addEventListener(listener);
                for (Object fact : groups.get(g)) {
                    session.insert(fact);
                }
                session.fireAllRules();
                firings.add(List.copyOf(fired));
                fired.clear();
            }
        } finally {
            session.dispose();
        }
        return firings;
    }

    /**
     * Empties the session as new, listeners included. Drools' own reset (what its session pools use) keeps the
     * activation groups of the last firings, so the next group's exclusive rules would fire together: they go too.
     */
    private static void reset(KieSession session) {
        StatefulKnowledgeSessionImpl s = (StatefulKnowledgeSessionImpl) session;
        s.reset();
        s.getAgenda().getActivationGroupsMap().clear();
    }
}
