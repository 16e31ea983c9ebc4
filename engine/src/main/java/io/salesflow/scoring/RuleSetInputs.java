package io.salesflow.scoring;

import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.scoring.ScoringRule;
import io.salesflow.rules.scoring.TemperatureThresholds;
import java.util.List;

/** Checks a rule set as a client sent it and turns it into a definition; each problem a 400 naming the field. */
final class RuleSetInputs {

    static final int MAX_RULES = 500;
    static final int MAX_DRL = 200_000;

    private RuleSetInputs() {}

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.invalid("name", "is required");
        }
        if (name.strip().length() > 100) {
            throw Problem.invalid("name", "is longer than 100 characters");
        }
        return name.strip();
    }

    static RuleSetDefinition.Kind kind(String kind) {
        if (kind == null || kind.equals("data")) {
            return RuleSetDefinition.Kind.DATA;
        }
        if (kind.equals("drl")) {
            return RuleSetDefinition.Kind.DRL;
        }
        throw Problem.invalid("kind", "must be data or drl");
    }

    /** A new rule set's definition. */
    static RuleSetDefinition definition(RuleSetInput input) {
        RuleSetDefinition.Kind kind = kind(input.kind());
        TemperatureThresholds thresholds =
                input.thresholds() == null ? TemperatureThresholds.DEFAULT : thresholds(input.thresholds());
        return kind == RuleSetDefinition.Kind.DATA
                ? RuleSetDefinition.data(thresholds, rules(input.rules(), input.drl()))
                : RuleSetDefinition.drl(thresholds, drl(input.drl(), input.rules()));
    }

    /** A draft's definition after a change: what the change leaves out stays. */
    static RuleSetDefinition changed(RuleSetDefinition current, RuleSetInput change) {
        if (change.kind() != null && kind(change.kind()) != current.kind()) {
            throw Problem.invalid("kind", "cannot change; create a new rule set instead");
        }
        TemperatureThresholds thresholds =
                change.thresholds() == null ? current.thresholds() : thresholds(change.thresholds());
        if (current.kind() == RuleSetDefinition.Kind.DATA) {
            List<ScoringRule> rules = change.rules() == null && change.drl() == null
                    ? current.rules()
                    : rules(change.rules(), change.drl());
            return RuleSetDefinition.data(thresholds, rules);
        }
        String drl = change.drl() == null && change.rules() == null ? current.drl() : drl(change.drl(), change.rules());
        return RuleSetDefinition.drl(thresholds, drl);
    }

    private static TemperatureThresholds thresholds(RuleSetInput.Thresholds t) {
        if (t.hot() == null || t.hot() < 0 || t.hot() > 100) {
            throw Problem.invalid("thresholds.hot", "is required, from 0 to 100");
        }
        if (t.warm() == null || t.warm() < 0 || t.warm() > t.hot()) {
            throw Problem.invalid("thresholds.warm", "is required, from 0 to the hot threshold (" + t.hot() + ")");
        }
        return new TemperatureThresholds(t.hot(), t.warm());
    }

    private static List<ScoringRule> rules(List<ScoringRule> rules, String drl) {
        if (drl != null) {
            throw Problem.invalid("drl", "belongs to rule sets of kind drl; this one holds rules");
        }
        if (rules == null) {
            throw Problem.invalid("rules", "is required for a rule set of kind data");
        }
        if (rules.size() > MAX_RULES) {
            throw Problem.invalid("rules", "holds more than " + MAX_RULES + " rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw Problem.invalid("rules[" + i + "]", "must not be null");
            }
        }
        return rules;
    }

    private static String drl(String drl, List<ScoringRule> rules) {
        if (rules != null) {
            throw Problem.invalid("rules", "belong to rule sets of kind data; this one holds DRL");
        }
        if (drl == null || drl.isBlank()) {
            throw Problem.invalid("drl", "is required for a rule set of kind drl");
        }
        if (drl.length() > MAX_DRL) {
            throw Problem.invalid("drl", "is longer than " + MAX_DRL + " characters");
        }
        return drl;
    }
}
