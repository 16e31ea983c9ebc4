package io.salesflow.rules.scoring;

/** A rule that fired for a lead and the points it gave; {@code type} is null for DRL rules without {@code @type}. */
public record FiredRule(String rule, RuleType type, int points) {}
