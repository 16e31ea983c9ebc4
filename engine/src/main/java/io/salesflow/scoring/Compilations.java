package io.salesflow.scoring;

import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles rule sets, at most once per content: results (failures too) are kept by content in a small
 * least-recently-used cache, and callers asking for the same content while it compiles wait for that one
 * compilation. Compiling takes seconds and loads new classes each time, so compilations for editing
 * (validate, preview, activate) also wait for one of a few permits and give up with 429 when none comes.
 */
@Component
class Compilations {

    private static final Logger log = LoggerFactory.getLogger(Compilations.class);

    private final Map<String, CompileResult<CompiledScoringRuleSet>> cache;
    private final Map<String, FutureTask<CompileResult<CompiledScoringRuleSet>>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore editingPermits;
    private final ScoringProperties properties;

    Compilations(ScoringProperties properties) {
        this.properties = properties;
        this.editingPermits = new Semaphore(properties.maxConcurrentCompiles(), true);
        int capacity = properties.compiledCacheSize();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompileResult<CompiledScoringRuleSet>> eldest) {
                return size() > capacity;
            }
        });
    }

    /** For scoring with an active rule set: never refused, since leads wait for it. */
    CompileResult<CompiledScoringRuleSet> forScoring(RuleSetDefinition definition) {
        return compile(definition);
    }

    /** For editing: answers from the cache at once, else waits for a permit (429 when none comes in time). */
    CompileResult<CompiledScoringRuleSet> forEditing(RuleSetDefinition definition) {
        CompileResult<CompiledScoringRuleSet> cached = cache.get(definition.contentKey());
        if (cached != null) {
            return cached;
        }
        boolean acquired;
        try {
            acquired = editingPermits.tryAcquire(properties.compileWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw Problem.tooManyRequests(
                    "compiler-busy",
                    "Too many compilations",
                    "Other rule sets are being compiled; try again in a little while",
                    properties.compileWait());
        }
        try {
            return compile(definition);
        } finally {
            editingPermits.release();
        }
    }

    private CompileResult<CompiledScoringRuleSet> compile(RuleSetDefinition definition) {
        String key = definition.contentKey();
        CompileResult<CompiledScoringRuleSet> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        FutureTask<CompileResult<CompiledScoringRuleSet>> task = new FutureTask<>(() -> build(definition));
        FutureTask<CompileResult<CompiledScoringRuleSet>> running = inFlight.putIfAbsent(key, task);
        if (running == null) {
            try {
                task.run();
                CompileResult<CompiledScoringRuleSet> result = result(task);
                cache.put(key, result);
                return result;
            } finally {
                inFlight.remove(key);
            }
        }
        return result(running);
    }

    private static CompileResult<CompiledScoringRuleSet> build(RuleSetDefinition definition) {
        long started = System.nanoTime();
        try {
            CompileResult<CompiledScoringRuleSet> result = definition.compile();
            log.info(
                    "Compiled a {} scoring rule set in {} ms: {}",
                    definition.kind().code(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    result.succeeded() ? result.compiled().ruleCount() + " rules" : result.problems());
            return result;
        } catch (RuntimeException e) {
            log.error("Compiling a scoring rule set failed unexpectedly", e);
            return CompileResult.failure(
                    List.of(new CompileProblem(null, 0, "the rule set could not be compiled: " + e.getMessage())));
        }
    }

    private static CompileResult<CompiledScoringRuleSet> result(
            FutureTask<CompileResult<CompiledScoringRuleSet>> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a rule set compiled", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Compiling a rule set failed", e.getCause());
        }
    }
}
