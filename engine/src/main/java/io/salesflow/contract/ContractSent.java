package io.salesflow.contract;

import java.time.Instant;
import java.util.UUID;

/** A contract went out for signature: the contract-signing process invites its signers and waits. */
public record ContractSent(
        UUID tenantId,
        UUID contractId,
        UUID dealId,
        String dealName,
        String title,
        UUID ownerId,
        Instant expiresAt,
        int reminderEveryWorkingDays) {}
