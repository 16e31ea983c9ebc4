package io.salesflow.deal;

/** Where an approval request stands: waiting, given, refused, or no longer asked for. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
