package io.salesflow.scoring;

import io.salesflow.rules.RuleSetJson;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.scoring.CompiledScoringRuleSet;
import io.salesflow.rules.scoring.ScoringCompiler;
import io.salesflow.rules.scoring.ScoringRule;
import io.salesflow.rules.scoring.ScoringRuleSet;
import io.salesflow.rules.scoring.TemperatureThresholds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a rule set says, whatever its number and status: rules as data or DRL, and the temperature
 * thresholds. Two rule sets with the same content compile to the same thing, so compilations are shared by
 * {@link #contentKey()} (every tenant still on the default rules uses one compiled copy).
 */
record RuleSetDefinition(Kind kind, TemperatureThresholds thresholds, List<ScoringRule> rules, String drl) {

    enum Kind {
        DATA,
        DRL;

        String code() {
            return name().toLowerCase();
        }

        static Kind of(String code) {
            return "drl".equals(code) ? DRL : DATA;
        }
    }

    RuleSetDefinition {
        thresholds = thresholds == null ? TemperatureThresholds.DEFAULT : thresholds;
        rules = kind == Kind.DATA ? List.copyOf(rules) : null;
        drl = kind == Kind.DRL ? drl : null;
    }

    static RuleSetDefinition data(TemperatureThresholds thresholds, List<ScoringRule> rules) {
        return new RuleSetDefinition(Kind.DATA, thresholds, rules, null);
    }

    static RuleSetDefinition drl(TemperatureThresholds thresholds, String drl) {
        return new RuleSetDefinition(Kind.DRL, thresholds, null, drl);
    }

    /** The rules as stored: a JSON array. */
    String rulesJson() {
        return kind == Kind.DATA ? RuleSetJson.write(rules) : null;
    }

    static List<ScoringRule> readRules(String json) {
        return List.of(RuleSetJson.read(json, ScoringRule[].class));
    }

    /**
     * Whether a rule counts engagements "in the last days", so that scores change as time passes: a data rule
     * with {@code withinDays}, or DRL that reads an engagement's {@code ageSeconds}.
     */
    boolean usesTimeWindows() {
        if (kind == Kind.DRL) {
            return drl.contains("ageSeconds");
        }
        return rules.stream()
                .flatMap(rule -> rule.engagement().stream())
                .anyMatch(condition -> condition.withinDays() != null);
    }

    String contentKey() {
        String content = kind.code() + "\n" + thresholds.hot() + "," + thresholds.warm() + "\n"
                + (kind == Kind.DATA ? rulesJson() : drl);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles; slow (seconds) and adds classes, so call through {@link Compilations}. */
    CompileResult<CompiledScoringRuleSet> compile() {
        String label = "content-" + contentKey().substring(0, 12);
        return kind == Kind.DATA
                ? ScoringCompiler.compile(new ScoringRuleSet(label, thresholds, rules))
                : ScoringCompiler.compileDrl(label, drl, thresholds);
    }

    /** The DRL the rule set compiles from: generated from data, as uploaded for DRL; null while data is invalid. */
    String drlText() {
        if (kind == Kind.DRL) {
            return drl;
        }
        try {
            return ScoringCompiler.toDrl(new ScoringRuleSet("preview", thresholds, rules));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
