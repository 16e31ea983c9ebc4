package io.salesflow.routing;

import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.routing.CompiledRoutingRuleSet;
import io.salesflow.rules.routing.RoutingCompiler;
import io.salesflow.rules.routing.RoutingRuleSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Compiled routing rule sets, by version and content, least recently used out first. Compiling takes seconds, so
 * a version is compiled once per node (threads asking at the same time wait for that one compilation) and every
 * lead after it routes with the cached KieBase. A version's content is part of the key: a draft that changed is
 * compiled again, and a node notices a newly activated version by its id.
 */
@Component
class CompiledRuleSets {

    record Key(UUID ruleSetId, String digest) {}

    private final Map<Key, FutureTask<CompileResult<CompiledRoutingRuleSet>>> cache;

    CompiledRuleSets(RoutingProperties properties) {
        int size = Math.max(1, properties.compiledRuleSets());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, FutureTask<CompileResult<CompiledRoutingRuleSet>>> e) {
                return size() > size;
            }
        };
    }

    /** The compiled rule set of {@code key}, compiling {@code rules} when this node has not yet. */
    CompileResult<CompiledRoutingRuleSet> get(Key key, Supplier<RoutingRuleSet> rules) {
        FutureTask<CompileResult<CompiledRoutingRuleSet>> task;
        boolean mine = false;
        synchronized (cache) {
            task = cache.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> RoutingCompiler.compile(rules.get()));
                cache.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (cache) {
                cache.remove(key, task);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a routing rule set compiled", e);
        }
    }
}
