package io.salesflow.deal;

import java.util.UUID;

/**
 * A pending approval is no longer asked for; {@code reason} says why: one of {@link #MOVED_BACK}, {@link #LOST},
 * {@link #ABANDONED}, {@link #FIGURES_CHANGED} (a new request follows at once) or {@link #DELETED}.
 */
public record DealApprovalWithdrawn(UUID tenantId, UUID dealId, UUID approvalId, String reason) {

    /** The deal moved back before its approval stage. */
    public static final String MOVED_BACK = "moved_back";

    /** The deal was lost. */
    public static final String LOST = "lost";

    /** The deal was abandoned. */
    public static final String ABANDONED = "abandoned";

    /** Amount, currency, discount, margin or region changed: a new request replaces this one. */
    public static final String FIGURES_CHANGED = "figures_changed";

    /** The deal was deleted. */
    public static final String DELETED = "deleted";
}
