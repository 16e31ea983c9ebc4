package io.salesflow.deal;

import java.util.UUID;

/** A won or lost reason as the API shows it. */
public record DealReasonView(UUID id, ReasonKind kind, String label, boolean active, int position, long version) {}
