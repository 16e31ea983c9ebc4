package io.salesflow.rules.scoring;

/** How ready a lead looks for sales, from its score and the rule set's {@link TemperatureThresholds}. */
public enum Temperature {
    HOT,
    WARM,
    COLD
}
