package io.salesflow.scoring;

import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.drl.RuleSetInvalidException;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import io.salesflow.tenancy.TenantContext;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each tenant's active rule set, compiled, held per node. Every scoring first asks the database which rule
 * set is active (one indexed row), so an activation on any node takes effect at once; a compiled rule set is
 * immutable and read once per scoring, so a lead is scored by one whole rule set, never half of two.
 */
@Component
class ActiveRuleSets {

    /** A rule set ready to score with, and the number its scores carry. */
    record Active(UUID ruleSetId, int version, CompiledScoringRuleSet compiled) {}

    private final Map<UUID, Active> byTenant = new ConcurrentHashMap<>();
    private final RuleSetStore store;
    private final Compilations compilations;

    ActiveRuleSets(RuleSetStore store, Compilations compilations) {
        this.store = store;
        this.compilations = compilations;
    }

    /**
     * The tenant's active rule set, share-locked until the transaction ends (see
     * {@link RuleSetStore#activeForScoring()}); empty when the tenant has none.
     *
     * @throws RuleSetInvalidException when the active rule set does not compile (any more)
     */
    Optional<Active> forScoring() {
        return store.activeForScoring().map(ref -> compiled(ref.id(), ref.version()));
    }

    /** A given rule set of the tenant, compiled (the active one from the cache). */
    Active compiled(UUID ruleSetId, int version) {
        UUID tenant = TenantContext.require();
        Active cached = byTenant.get(tenant);
        if (cached != null && cached.ruleSetId().equals(ruleSetId)) {
            return cached;
        }
        StoredRuleSet set = store.find(ruleSetId)
                .orElseThrow(() -> new IllegalStateException("Rule set " + ruleSetId + " is gone"));
        CompileResult<CompiledScoringRuleSet> result = compilations.forScoring(set.definition());
        Active active = new Active(ruleSetId, version, result.orElseThrow());
        if (set.isActive()) {
            byTenant.put(tenant, active);
        }
        return active;
    }

    /** Remembers a rule set just activated, compiled already, so the first scoring after it need not look. */
    void activated(UUID tenant, UUID ruleSetId, int version, CompiledScoringRuleSet compiled) {
        byTenant.put(tenant, new Active(ruleSetId, version, compiled));
    }
}
