package io.salesflow.rules.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ScorerConcurrencyTest {

    private static CompiledScoringRuleSet version(String version, int rules) {
        List<ScoringRule> list = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            list.add(new ScoringRule(
                    version + " rule " + i, RuleType.BEHAVIOURAL, null, List.of(), List.of(), 1, i, null, true));
        }
        return ScoringCompiler.compile(new ScoringRuleSet(version, null, list)).orElseThrow();
    }

    @Test
    void activationWhileScoringNeverMixesTwoRuleSets() throws Exception {
        CompiledScoringRuleSet v1 = version("v1", 10);
        CompiledScoringRuleSet v2 = version("v2", 12);
        Scorer scorer = new Scorer(v1);
        AtomicBoolean done = new AtomicBoolean();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> scorers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                scorers.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 3_000 && !done.get(); i++) {
                        ScoreResult r = scorer.score(Leads.facts(Leads.neutral()));
                        String version = r.ruleSetVersion();
                        seen.add(version);
                        assertThat(r.fired())
                                .hasSize(version.equals("v1") ? 10 : 12)
                                .allSatisfy(f -> assertThat(f.rule()).startsWith(version + " rule "));
                        assertThat(r.rawTotal()).isEqualTo(r.fired().size());
                        checked++;
                    }
                    return checked;
                }));
            }
            Future<?> swapper = pool.submit(() -> {
                for (int i = 0; !done.get(); i++) {
                    scorer.activate(i % 2 == 0 ? v2 : v1);
                    Thread.yield();
                }
            });
            int checked = 0;
            for (Future<Integer> f : scorers) {
                checked += f.get(2, TimeUnit.MINUTES);
            }
            done.set(true);
            swapper.get(1, TimeUnit.MINUTES);

            assertThat(checked).isPositive();
            assertThat(seen).containsExactlyInAnyOrder("v1", "v2");
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }
}
