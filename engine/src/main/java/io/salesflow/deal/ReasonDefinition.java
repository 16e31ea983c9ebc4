package io.salesflow.deal;

/** A won or lost reason as a request defines it; {@code active} and {@code position} left null keep or default. */
public record ReasonDefinition(ReasonKind kind, String label, Boolean active, Integer position) {}
