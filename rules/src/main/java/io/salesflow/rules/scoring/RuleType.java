package io.salesflow.rules.scoring;

/** What a scoring rule looks at: who the person is, what the company is, what they do, how they respond. */
public enum RuleType {
    DEMOGRAPHIC,
    FIRMOGRAPHIC,
    BEHAVIOURAL,
    ENGAGEMENT
}
