package io.salesflow.contract;

import java.util.UUID;

/** The last signer signed: the contract can be completed with its certificate page. */
public record ContractSigned(UUID tenantId, UUID contractId, UUID dealId) {}
