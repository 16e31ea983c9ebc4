package io.salesflow.routing;

import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.rules.RuleSetJson;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.routing.CompiledRoutingRuleSet;
import io.salesflow.rules.routing.RoutingRuleSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current tenant's active routing rule set, compiled: one small query per lead finds which version is
 * active, and the compiled form comes from {@link CompiledRuleSets}, so a newly activated version is noticed by
 * the next lead on every node.
 */
@Component
class ActiveRuleSet {

    /** What {@link #current} keeps the active version under for the transaction; forgotten when one is activated. */
    static final Object MEMO = List.of(ActiveRuleSet.class);

    record Active(UUID id, int number, CompileResult<CompiledRoutingRuleSet> compiled) {}

    private final JdbcTemplate jdbc;
    private final CompiledRuleSets compiled;

    ActiveRuleSet(JdbcTemplate jdbc, CompiledRuleSets compiled) {
        this.jdbc = jdbc;
        this.compiled = compiled;
    }

    /** Empty when the tenant has no active rule set: routing is off. */
    Optional<Active> current() {
        // Kept for the transaction: the leads of one import chunk are routed by the version active when it began.
        return Optional.ofNullable(TransactionMemo.get(MEMO, () -> read().orElse(null)));
    }

    private Optional<Active> read() {
        return jdbc
                .query("SELECT id, number, md5(data::text) FROM routing_rule_sets WHERE status = 'active'", (rs, n) ->
                        new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)})
                .stream()
                .findFirst()
                .map(row -> {
                    UUID id = (UUID) row[0];
                    return new Active(
                            id,
                            (Integer) row[1],
                            compiled.get(new CompiledRuleSets.Key(id, (String) row[2]), () -> load(id)));
                });
    }

    private RoutingRuleSet load(UUID id) {
        return RuleSetJson.read(
                jdbc.queryForObject("SELECT data::text FROM routing_rule_sets WHERE id = ?", String.class, id),
                RoutingRuleSet.class);
    }
}
