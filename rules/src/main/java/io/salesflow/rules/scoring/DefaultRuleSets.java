package io.salesflow.rules.scoring;

import io.salesflow.rules.RuleSetJson;
import java.io.InputStream;

/** The scoring rule set a new tenant starts with: 49 B2B rules, shipped as a JSON resource. */
public final class DefaultRuleSets {

    static final String SCORING_RESOURCE = "/io/salesflow/rules/default-scoring-rules.json";

    private DefaultRuleSets() {}

    /** A fresh read of the default scoring rules, to copy into a tenant and edit. */
    public static ScoringRuleSet scoring() {
        InputStream json = DefaultRuleSets.class.getResourceAsStream(SCORING_RESOURCE);
        if (json == null) {
            throw new IllegalStateException(SCORING_RESOURCE + " is missing from the classpath");
        }
        return RuleSetJson.read(json, ScoringRuleSet.class);
    }

    /** The default scoring rules, compiled once. */
    public static CompiledScoringRuleSet compiledScoring() {
        return Compiled.SCORING;
    }

    private static final class Compiled {
        static final CompiledScoringRuleSet SCORING =
                ScoringCompiler.compile(scoring()).orElseThrow();
    }
}
