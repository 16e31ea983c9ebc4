package io.salesflow.rules.routing;

/** A routing rule that matched a lead, with the team it names and its priority. */
public record RuleMatch(String rule, String team, int priority) {}
